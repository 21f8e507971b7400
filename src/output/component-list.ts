// The columns of list-components.
import type { Component } from '../api/schemas.js';
import type { ListView } from './emit-list.js';
import { styleState } from './status-style.js';

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
