import { editIncidentUpdate, getIncident } from '../../api/endpoints.js';
import type { Incident, IncidentUpdate } from '../../api/schemas.js';
import { resolveMessage } from '../../cli/message.js';
import { withSession } from '../../cli/session.js';
import { UsageError } from '../../errors.js';
import type { Io } from '../../output/io.js';
import { renderEdited, renderEditPreview } from '../../output/update-edit.js';
import type { EditUpdateOptions } from './options.js';
import { buildEditUpdateBody, planEdit } from './request.js';

export async function runEditUpdate(io: Io, options: EditUpdateOptions): Promise<void> {
  const text = await resolveMessage(io, options);
  await withSession(io, options, async (session) => {
    const current = await session.readingFor('edit-update reads the incident to find the update', () =>
      session.read(getIncident(session.pageId, options.incident)),
    );
    const target = findUpdate(current, options.update);
    const edit = planEdit(target, text, options.displayAt);
    if (edit.body === undefined && edit.displayAt === undefined) {
      const same = [text === undefined ? undefined : 'that text', options.displayAt && 'that --display-at']
        .filter(Boolean)
        .join(' and ');
      throw new UsageError(`nothing to change: update ${target.id} already has ${same}; nothing sent`);
    }
    const body = buildEditUpdateBody(edit, options.notify === true);
    const req = editIncidentUpdate(session.pageId, options.incident, target.id ?? '', body, {
      before: current,
      shown: edit.body ?? target.body ?? '',
    });
    if (session.dryRun && !options.json) io.out(await renderEditPreview(io, target, edit));
    const edited = await session.write(req);
    if (!edited) return;
    if (options.json) io.json(edited);
    else if (options.quiet) io.out(edited.id ?? target.id ?? '');
    else io.out(await renderEdited(io, current, edited, req.notifies === true));
  });
}

/** The update named, or the latest (the API lists them newest first). */
function findUpdate(incident: Incident, id: string | undefined): IncidentUpdate & { id: string } {
  const updates = (incident.incident_updates ?? []).filter((u): u is IncidentUpdate & { id: string } => !!u.id);
  const found = id === undefined ? updates[0] : updates.find((u) => u.id === id);
  if (found) return found;
  if (updates.length === 0) throw new UsageError(`incident ${incident.id} has no updates to edit`);
  const known = updates
    .slice(0, 5)
    .map((u) => u.id)
    .join(', ');
  throw new UsageError(
    `incident ${incident.id} has no update '${id}'; its updates, newest first: ${known}${updates.length > 5 ? ', …' : ''}`,
  );
}
