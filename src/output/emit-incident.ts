// Prints an incident the way the user asked: a block (default), JSON, or just the ID.
import type { Incident } from '../api/schemas.js';
import { colorsFor } from './color.js';
import { type ChangeDetails, componentLines, type IncidentAction, renderIncidentBlock } from './incident-block.js';
import { printData, printMessage } from './io.js';

export interface OutputMode {
  json: boolean;
  quiet: boolean;
}

export async function emitIncident(
  action: IncidentAction,
  incident: Incident,
  mode: OutputMode,
  details: ChangeDetails = {},
): Promise<void> {
  if (mode.json || mode.quiet) {
    printData(mode.json ? JSON.stringify(incident, null, 2) : incident.id);
    // The block would have said so; without it, stderr does.
    for (const line of componentLines(incident, details)) {
      if (line.note) printMessage(`${line.name} stays ${line.to}: ${line.note}`);
    }
    return;
  }
  // Whether subscribers were notified is said to a person at a terminal, not to a script.
  const { notified, ...rest } = details;
  const shown: ChangeDetails = process.stdout.isTTY && notified !== undefined ? { ...rest, notified } : rest;
  printData(renderIncidentBlock(action, incident, await colorsFor(process.stdout), shown));
}

/** --dedup-key found an open incident: it is the result, and nothing is sent. */
export async function emitDuplicate(incident: Incident, key: string, mode: OutputMode, dryRun: boolean): Promise<void> {
  const nothing = dryRun ? 'nothing would be sent' : 'nothing sent';
  printMessage(`already open: ${incident.id} '${incident.name}' has --dedup-key '${key}'; ${nothing}`);
  await emitIncident('open', incident, mode);
}
