// What the postmortem subcommands print: the text with its state, or what a write did.
import type { Incident, Postmortem } from '../api/schemas.js';
import { formatInstant, localZone } from '../utils/time.js';
import { colorsFor } from './color.js';
import type { Io } from './io.js';

/** Published or draft, and whether the draft has changes the page does not show yet. */
export function postmortemState(io: Io, postmortem: Postmortem): string {
  if (!postmortem.published_at) return 'draft, not published';
  const at = io.stdoutIsTTY ? formatInstant(postmortem.published_at, localZone(io.env)) : postmortem.published_at;
  const pending =
    typeof postmortem.body_draft === 'string' && postmortem.body_draft !== (postmortem.body ?? '')
      ? '; the draft has changes not published yet (--draft shows them)'
      : '';
  return `published ${at}${pending}`;
}

export async function renderPostmortem(
  io: Io,
  incident: Incident,
  postmortem: Postmortem,
  text: string,
): Promise<string> {
  const c = await colorsFor(io, 'stdout');
  const heading = `Postmortem of incident ${incident.id} '${incident.name}' (${incident.status}):`;
  return [c.green(heading), `${c.dim('State:')} ${postmortemState(io, postmortem)}`, '', text].join('\n');
}

/** What was done; `already-published` and `not-published`: nothing, as there was nothing to do. */
export type PostmortemAction = 'drafted' | 'published' | 'reverted' | 'already-published' | 'not-published';

const HEADINGS: Record<PostmortemAction, string> = {
  drafted: 'Saved the postmortem draft',
  published: 'Published the postmortem',
  reverted: 'Reverted the postmortem to a draft',
  'already-published': 'Postmortem already published',
  'not-published': 'Postmortem not published',
};

export async function renderPostmortemResult(
  io: Io,
  action: PostmortemAction,
  incident: Incident,
  postmortem: Postmortem,
  notified?: boolean,
): Promise<string> {
  const c = await colorsFor(io, 'stdout');
  const note =
    notified === undefined
      ? ''
      : ` ${(notified ? c.yellow : c.dim)(`(subscribers ${notified ? 'notified' : 'not notified'})`)}`;
  const lines = [`${c.green(HEADINGS[action])}${note}${c.green(':')}`];
  lines.push(`${c.dim('Incident:')} ${incident.id} '${incident.name}'`);
  lines.push(`${c.dim('State:')} ${postmortemState(io, postmortem)}`);
  const shown = action === 'published' || action === 'already-published';
  const text = shown ? postmortem.body : postmortem.body_draft;
  if (text) lines.push(`${c.dim('Text:')} ${firstLine(text)}`);
  if (!shown) lines.push(c.dim(`Publish: statuspage postmortem publish ${incident.id}`));
  return lines.join('\n');
}

function firstLine(text: string): string {
  const [first = '', ...rest] = text.split(/\r?\n/);
  return rest.some((line) => line.trim() !== '') ? `${first} …` : first;
}
