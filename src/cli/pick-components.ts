// Components picked at a terminal, for a command given no -c: every component of the page, in the
// page's order, with its status now and its group; typing filters them. Groups are not offered: a
// maintenance or an incident names components, and a group is shown through its members. One
// paginated read of the component list.
import type { Component } from '../api/schemas.js';
import { pageOrder } from '../output/component-list.js';
import { listAllComponents } from './read-all.js';
import type { Session } from './session.js';

/** The IDs of the components picked (none is an answer too, unless `required`). */
export async function pickComponents(session: Session, question: string, { required = false } = {}): Promise<string[]> {
  const all = await listAllComponents(session);
  const groups = new Map(all.filter((c) => c.group).map((c) => [c.id, c.name]));
  const choices = pageOrder(all)
    .filter((c) => !c.group)
    .map((c: Component) => {
      const group = c.group_id ? groups.get(c.group_id) : undefined;
      return { value: c.id, label: c.name, hint: [c.status ?? 'status unknown', group].filter(Boolean).join(' · ') };
    });
  if (choices.length === 0) return [];
  return session.prompts.multiSelect(question, choices, { required });
}
