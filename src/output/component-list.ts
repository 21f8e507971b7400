// The columns of list-components.
import type { Component } from '../api/schemas.js';
import { styleState } from './color.js';
import type { ListView } from './emit-list.js';

/** Groups are listed too (the page shows them); their GROUP cell says so. */
export const GROUP_MARK = '(group)';

export function componentListView(all: readonly Component[]): ListView<Component> {
  const names = new Map(all.map((c) => [c.id, c.name]));
  return {
    id: (c) => c.id,
    empty: 'This page has no components.',
    columns: [
      { header: 'NAME', value: (c) => c.name },
      { header: 'ID', value: (c) => c.id },
      { header: 'STATUS', value: (c) => c.status ?? '', style: (text, _c, chalk) => styleState(text, chalk) },
      {
        header: 'GROUP',
        value: (c) => (c.group ? GROUP_MARK : c.group_id ? (names.get(c.group_id) ?? c.group_id) : ''),
      },
    ],
  };
}

/**
 * The order a status page shows components in: top-level components and groups by position,
 * each group followed by its members, again by position.
 */
export function pageOrder(components: readonly Component[]): Component[] {
  // Array.prototype.sort is stable: equal positions keep the API's order.
  const byPosition = [...components].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const groupIds = new Set(byPosition.filter((c) => c.group).map((c) => c.id));
  const members = new Map<string, Component[]>();
  const top: Component[] = [];
  for (const component of byPosition) {
    const groupId = component.group_id;
    if (groupId && groupIds.has(groupId) && groupId !== component.id) {
      members.set(groupId, [...(members.get(groupId) ?? []), component]);
    } else {
      top.push(component);
    }
  }
  return top.flatMap((c) => [c, ...(members.get(c.id) ?? [])]);
}
