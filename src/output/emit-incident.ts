// Prints an incident the way the user asked: a block (default), JSON, or just the ID; and, to a
// person at a terminal, how to follow up.
import { isMaintenance } from '../api/constants.js';
import type { Incident } from '../api/schemas.js';
import { localZone } from '../utils/time.js';
import { colorsFor } from './color.js';
import { type ChangeDetails, componentLines, type IncidentAction, renderIncidentBlock } from './incident-block.js';
import type { Io } from './io.js';

export interface OutputMode {
  json: boolean;
  quiet: boolean;
  /** --tz: the zone a terminal shows times in, instead of the local one. */
  tz?: string | undefined;
}

/** The zone times are shown in: on a terminal --tz or the local zone; undefined in a pipe (UTC as the API gives it). */
export function displayZone(io: Io, mode: { tz?: string | undefined } = {}): string | undefined {
  return io.stdoutIsTTY ? (mode.tz ?? localZone(io.env)) : undefined;
}

export async function emitIncident(
  io: Io,
  action: IncidentAction,
  incident: Incident,
  mode: OutputMode,
  details: ChangeDetails = {},
): Promise<void> {
  if (mode.json) printJson(io, incident);
  if (mode.json || mode.quiet) {
    if (mode.quiet) io.out(incident.id);
    // The block would have said so; without it, stderr does.
    for (const line of componentLines(incident, details)) {
      if (line.note) io.err(`${line.name} stays ${line.to}: ${line.note}`);
    }
    return;
  }
  // Whether subscribers were notified is said to a person at a terminal, not to a script.
  const { notified, ...rest } = details;
  const shown: ChangeDetails = io.stdoutIsTTY && notified !== undefined ? { ...rest, notified } : rest;
  io.out(renderIncidentBlock(action, incident, await colorsFor(io, 'stdout'), shown, displayZone(io, mode)));
}

/**
 * The API's object as it came. An answer the CLI cannot print (JSON nested too deep to serialise,
 * say) must not make a change that was made look like a failure: its main fields are printed
 * instead, with a warning, and the command still succeeds.
 */
function printJson(io: Io, incident: Incident): void {
  try {
    io.json(incident);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const { id, name, status, impact, shortlink, created_at, updated_at } = incident;
    io.json({ id, name, status, impact, shortlink, created_at, updated_at });
    io.err(
      `warning: the API's answer could not be printed in full (${why}); its main fields are shown, and the change was made`,
    );
  }
}

/** --dedup-key found an open incident: it is the result, and nothing is sent. */
export async function emitDuplicate(
  io: Io,
  incident: Incident,
  key: string,
  mode: OutputMode,
  dryRun: boolean,
): Promise<void> {
  const nothing = dryRun ? 'nothing would be sent' : 'nothing sent';
  io.err(`already open: ${incident.id} '${incident.name}' has --dedup-key '${key}'; ${nothing}`);
  await emitIncident(io, 'open', incident, mode);
}

/** After a create or schedule, the exact follow-up commands; scripts (stderr not a terminal) and -q never see them. */
export async function nextStepsHint(
  io: Io,
  incident: Incident,
  pageId: string,
  mode: { quiet: boolean },
): Promise<void> {
  if (!io.stderrIsTTY || mode.quiet) return;
  const c = await colorsFor(io, 'stderr');
  const target = `-p ${pageId} ${incident.id}`;
  const close = isMaintenance(incident) ? '-e maintenance' : '-e incident';
  io.err(
    c.dim(
      `Next: statuspage update-incident ${target} -s <status> -m "…"  |  statuspage resolve-incident ${target} ${close}`,
    ),
  );
}
