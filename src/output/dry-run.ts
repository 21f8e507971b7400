// What --dry-run prints: the exact request, with the token masked.
import type { ApiRequest } from '../api/endpoints.js';
import { requestHeaders, requestUrl } from '../api/request-parts.js';

const HEADER_NAMES: Record<string, string> = {
  authorization: 'Authorization',
  accept: 'Accept',
  'content-type': 'Content-Type',
  'user-agent': 'User-Agent',
};

export function describeRequest(baseUrl: string, req: ApiRequest<unknown>) {
  const headers = Object.fromEntries(
    Object.entries(requestHeaders('***', req.body !== undefined)).map(([k, v]) => [HEADER_NAMES[k] ?? k, v]),
  );
  return { method: req.method, url: requestUrl(baseUrl, req), headers, body: req.body };
}

export function renderDryRun(baseUrl: string, req: ApiRequest<unknown>, json: boolean): string {
  const described = describeRequest(baseUrl, req);
  if (json) return JSON.stringify({ dry_run: true, ...described }, null, 2);
  const lines = [`${described.method} ${described.url}`];
  for (const [name, value] of Object.entries(described.headers)) lines.push(`${name}: ${value}`);
  if (described.body !== undefined) lines.push('', JSON.stringify(described.body, null, 2));
  return lines.join('\n');
}
