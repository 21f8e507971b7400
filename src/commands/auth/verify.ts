// Checks a token with the cheapest call the API has: GET /pages (the pages the token may manage).
import { listPages } from '../../api/endpoints.js';
import type { Page } from '../../api/schemas.js';
import { profileApiUrl } from '../../cli/api-url.js';
import { openTransport } from '../../cli/open-transport.js';
import type { ChosenProfile } from '../../config/config.js';
import type { Io } from '../../output/io.js';
import type { TransportOptions } from './options.js';

/**
 * `profile`: its api_url is used when STATUSPAGE_API_URL is not set. `startedAt`: where --timeout
 * counts from (default: the command's start; later when a person was asked for the token first).
 */
export async function fetchPages(
  io: Io,
  token: string,
  options: TransportOptions,
  profile?: ChosenProfile,
  startedAt = io.startedAt,
): Promise<Page[]> {
  const baseUrl = profileApiUrl(io.env, options.allowHttp, profile);
  const transport = await openTransport(io, { ...options, baseUrl, token, startedAt });
  try {
    return await transport.send(listPages());
  } finally {
    await transport.close();
  }
}

/** "1 page: Acme (pg0000000001)", "3 pages: …". */
export function describePages(pages: readonly Page[]): string {
  const names = pages.slice(0, 3).map((p) => (p.name ? `${p.name} (${p.id})` : p.id));
  const more = pages.length > 3 ? `, and ${pages.length - 3} more` : '';
  return `${pages.length} ${pages.length === 1 ? 'page' : 'pages'}${names.length ? `: ${names.join(', ')}${more}` : ''}`;
}
