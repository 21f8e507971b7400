import { type ApiRequest, deleteIncident, getIncident, updateComponent } from '../../api/endpoints.js';
import { ApiError } from '../../api/errors.js';
import type { Incident } from '../../api/schemas.js';
import { canAsk, confirm, whyNotAsked } from '../../cli/confirm.js';
import { assertCancellable } from '../../cli/maintenance-state.js';
import { heldByMaintenance, prepareRestoration } from '../../cli/resolution.js';
import { type Session, withSession } from '../../cli/session.js';
import { ExitCode, ExitStatus, UsageError } from '../../errors.js';
import { emitCancelled } from '../../output/emit-cancelled.js';
import type { Io } from '../../output/io.js';
import { formatWindow, localZone } from '../../utils/time.js';
import { buildSetComponentBody } from '../set-component/request.js';
import type { CancelMaintenanceOptions } from './options.js';

export async function runCancelMaintenance(io: Io, options: CancelMaintenanceOptions): Promise<void> {
  // A delete cannot be undone, so someone must say yes: at the question, or with --yes.
  const ask = !options.yes && !options.dryRun;
  if (ask && !canAsk(io, options.input === false)) {
    throw new UsageError(
      `cancel-maintenance deletes ${options.incident} for good and ${whyNotAsked(io, options.input === false)}; confirm with --yes (-y)`,
    );
  }
  await withSession(io, options, async (session) => {
    const current = await session.readingFor('cancelling reads the maintenance first', () =>
      session.read(getIncident(session.pageId, options.incident)),
    );
    assertCancellable(current);
    if (ask) {
      const window = current.scheduled_for
        ? ` (${formatWindow(current.scheduled_for, current.scheduled_until, localZone(io.env), { utc: false })})`
        : '';
      if (!(await confirm(io, `Cancel maintenance "${current.name}"${window}? [y/N] `))) {
        throw new ExitStatus(ExitCode.usage, `declined; nothing sent: maintenance ${current.id} is still scheduled`);
      }
    }
    const deleted = await deleteOrFindGone(session, deleteIncident(session.pageId, current.id), current);
    if (deleted) await emitCancelled(io, deleted, options);
    // A dry run prints the PATCHes it would send, as it prints the DELETE.
    await restoreComponents(session, current);
  });
}

/**
 * A window that opens now put its components under maintenance when it was scheduled, and
 * deleting it leaves them so: they are set back, as resolving would (to operational, or to what
 * another open incident still gives them), one PATCH each, after the DELETE.
 */
async function restoreComponents(session: Session, maintenance: Incident): Promise<void> {
  // A window that opens later moved nothing: what is under maintenance is someone else's doing.
  const held = heldByMaintenance(maintenance);
  if (held.length === 0) return;
  const { statuses, stays } = await prepareRestoration(session, { ...maintenance, components: held }, []);
  for (const component of held) {
    const status = statuses[component.id] ?? 'operational';
    const name = component.name ?? component.id;
    const req = updateComponent(session.pageId, component.id, buildSetComponentBody(status), name);
    if (!(await session.write(req))) continue;
    const why = stays.find((s) => s.id === component.id)?.why;
    session.io.err(`${name}: under_maintenance → ${status}${why ? ` (${why})` : ''}`);
  }
}

/**
 * The client resends a DELETE whose answer was lost (it is idempotent), and the resend then finds
 * nothing: a 404. The window was read a moment ago, so a 404 means it is gone, deleted by the
 * first attempt or by someone else meanwhile. A second read confirms it before that counts as done;
 * the result is then the maintenance as read before.
 */
async function deleteOrFindGone(
  session: Session,
  req: ApiRequest<Incident>,
  current: Incident,
): Promise<Incident | undefined> {
  try {
    return await session.write(req);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    let stillThere: boolean;
    try {
      await session.read(getIncident(session.pageId, current.id));
      stillThere = true;
    } catch (readError) {
      if (!(readError instanceof ApiError && readError.status === 404)) {
        throw error.withNote('whether the maintenance is gone could not be checked');
      }
      stillThere = false;
    }
    if (stillThere) throw error;
    session.io.err(
      `maintenance ${current.id} was gone when the DELETE arrived (deleted by an earlier attempt whose answer was lost, or by someone else); it is cancelled`,
    );
    return current;
  }
}
