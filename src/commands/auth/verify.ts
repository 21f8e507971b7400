// Checks a token with the cheapest call the API has: GET /pages (the pages the token may manage).
import { listPages } from '../../api/endpoints.js';
import type { Page } from '../../api/schemas.js';
import { apiBaseUrl } from '../../cli/api-url.js';
import { openTransport } from '../../cli/open-transport.js';
import type { ApiOptions } from './options.js';

export async function fetchPages(
  token: string,
  options: ApiOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Page[]> {
  const transport = await openTransport({
    baseUrl: apiBaseUrl(env),
    token,
    ignoreSsl: options.ignoreSsl,
    timeoutSeconds: options.timeout,
    verbose: options.verbose,
  });
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
