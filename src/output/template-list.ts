// The columns of list-templates.
import type { IncidentTemplate } from '../api/schemas.js';
import { styleState } from './color.js';
import type { ListView } from './emit-list.js';

export function templateListView(): ListView<IncidentTemplate> {
  return {
    id: (t) => t.id,
    empty: 'This page has no incident templates.',
    columns: [
      { header: 'NAME', value: (t) => t.name ?? '' },
      { header: 'ID', value: (t) => t.id },
      { header: 'TITLE', value: (t) => t.title ?? '' },
      { header: 'STATUS', value: (t) => t.update_status ?? '', style: (text, _t, c) => styleState(text, c) },
      {
        header: 'COMPONENTS',
        value: (t) => (t.components?.map((c) => c.name ?? c.id) ?? t.component_ids ?? []).join(', '),
      },
      { header: 'NOTIFY', value: (t) => notifyCell(t.should_send_notifications) },
    ],
  };
}

function notifyCell(notify: boolean | null | undefined): string {
  if (notify === undefined || notify === null) return '';
  return notify ? 'yes' : 'no';
}
