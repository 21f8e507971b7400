// Prints an incident the way the user asked: a block (default), JSON, or just the ID.
import type { Incident } from '../api/schemas.js';
import { colorsFor } from './color.js';
import { type IncidentAction, renderIncidentBlock } from './incident-block.js';
import { printData } from './io.js';

export interface OutputMode {
  json: boolean;
  quiet: boolean;
}

/** `notified`: whether the request reaches subscribers; a terminal's summary line says which. */
export async function emitIncident(
  action: IncidentAction,
  incident: Incident,
  mode: OutputMode,
  notified?: boolean,
): Promise<void> {
  if (mode.json) printData(JSON.stringify(incident, null, 2));
  else if (mode.quiet) printData(incident.id);
  else {
    const note = process.stdout.isTTY && notified !== undefined ? notified : undefined;
    printData(renderIncidentBlock(action, incident, await colorsFor(process.stdout), note));
  }
}
