// Components picked at a terminal, for a command given no -c: every component of the page, in the
// page's order, with its status now and its group in columns; typing filters them (by name,
// status or group). Groups are not offered: a
// maintenance or an incident names components, and a group is shown through its members. One
// paginated read of the component list.
import type { Component } from '../api/schemas.js';
import { pageOrder } from '../output/component-list.js';
import { columnLabels } from './prompts.js';
import { listAllComponents } from './read-all.js';
import type { Session } from './session.js';

/** The IDs of the components picked (none is an answer too, unless `required`). */
export async function pickComponents(session: Session, question: string, { required = false } = {}): Promise<string[]> {
  const all = await listAllComponents(session);
  const groups = new Map(all.filter((c) => c.group).map((c) => [c.id, c.name]));
  const offered = pageOrder(all).filter((c) => !c.group);
  if (offered.length === 0) return [];
  const labels = columnLabels(
    session.io,
    offered.map((c: Component) => [
      c.name,
      c.status ?? 'status unknown',
      (c.group_id ? groups.get(c.group_id) : undefined) ?? '',
    ]),
  );
  const choices = offered.map((c, i) => ({ value: c.id, label: labels[i] ?? c.name, hint: c.id }));
  return session.prompts.multiSelect(question, choices, { required });
}
