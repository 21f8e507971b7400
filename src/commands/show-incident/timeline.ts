// What an incident's record says, in the order it happened: the block and the Markdown both
// read it from here.
import type { Incident } from '../../api/schemas.js';

export interface Transition {
  name: string;
  from: string;
  to: string;
}

export interface TimelineEntry {
  /** When the update shows as posted (display_at, else created_at). */
  at: string | undefined;
  status: string;
  /** The message exactly as posted; empty for an update that only moved components. */
  message: string;
  transitions: Transition[];
}

/** The updates oldest first; the API lists them newest first. */
export function timeline(incident: Incident): TimelineEntry[] {
  const entries = [...(incident.incident_updates ?? [])].reverse().map(
    (u): TimelineEntry => ({
      at: u.display_at ?? u.created_at ?? undefined,
      status: u.status ?? '',
      message: u.body ?? '',
      // An update may list a component it left as it was: that is no transition.
      transitions: (u.affected_components ?? [])
        .map((a) => ({ name: a.name ?? a.code ?? '?', from: a.old_status ?? 'unknown', to: a.new_status ?? 'unknown' }))
        .filter((t) => t.from !== t.to),
    }),
  );
  // A backdated update (display_at) goes where it shows; equal or unreadable times keep the API's order.
  const time = (e: TimelineEntry) => Date.parse(e.at ?? '');
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => {
      const apart = time(a.entry) - time(b.entry);
      return Number.isNaN(apart) || apart === 0 ? a.index - b.index : apart;
    })
    .map(({ entry }) => entry);
}

export type PostmortemState = 'none' | 'draft' | 'published';

export interface Postmortem {
  state: PostmortemState;
  /** When it was published, or the draft last changed, when the API says. */
  at?: string;
}

export function postmortemOf(incident: Incident): Postmortem {
  const published = incident.postmortem_published_at;
  if (published) return typeof published === 'string' ? { state: 'published', at: published } : { state: 'published' };
  if (incident.postmortem_body?.trim()) {
    const at = incident.postmortem_body_last_updated_at;
    return at ? { state: 'draft', at } : { state: 'draft' };
  }
  return { state: 'none' };
}

/** `investigating` → `Investigating`, `in_progress` → `In progress`. */
export function statusTitle(status: string): string {
  const words = status.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
