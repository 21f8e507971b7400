// After a create or schedule, a person at a terminal is shown how to follow up. Scripts
// (stderr not a TTY) never see it, nor does anyone who asked for --quiet.
import type { Incident } from '../api/schemas.js';
import { colorsFor } from './color.js';
import { isMaintenance } from '../api/constants.js';
import { printMessage } from './io.js';

export async function nextStepsHint(incident: Incident, pageId: string, mode: { quiet: boolean }): Promise<void> {
  if (!process.stderr.isTTY || mode.quiet) return;
  const c = await colorsFor(process.stderr);
  const target = `-p ${pageId} ${incident.id}`;
  const close = isMaintenance(incident) ? '-e maintenance' : '-e incident';
  printMessage(
    c.dim(
      `Next: statuspage update-incident ${target} -s <status> -m "…"  |  statuspage resolve-incident ${target} ${close}`,
    ),
  );
}
