// What --dry-run prints: the exact request, with the token masked.
import type { ApiRequest } from '../api/endpoints.js';
import { requestHeaders, requestUrl } from '../api/request-parts.js';

const HEADER_NAMES: Record<string, string> = {
  authorization: 'Authorization',
  accept: 'Accept',
  'content-type': 'Content-Type',
  'user-agent': 'User-Agent',
};

/** What a dry run shows for the token: masked when one was found; where none was, that it was not. */
export const MASKED_AUTHORIZATION = 'OAuth ***';
export const NO_TOKEN_AUTHORIZATION = 'OAuth (no token found: flag, STATUSPAGE_TOKEN or keychain)';

export function describeRequest(baseUrl: string, req: ApiRequest<unknown>, authorization = MASKED_AUTHORIZATION) {
  const headers = Object.fromEntries(
    Object.entries(requestHeaders('***', req.body !== undefined)).map(([k, v]) => [
      HEADER_NAMES[k] ?? k,
      k === 'authorization' ? authorization : v,
    ]),
  );
  return { method: req.method, url: requestUrl(baseUrl, req), headers, body: req.body };
}

/** The request as people read it: the request line, the headers, a blank line, the body. */
export function renderDryRun(baseUrl: string, req: ApiRequest<unknown>, authorization = MASKED_AUTHORIZATION): string {
  const described = describeRequest(baseUrl, req, authorization);
  const lines = [`${described.method} ${described.url}`];
  for (const [name, value] of Object.entries(described.headers)) lines.push(`${name}: ${value}`);
  if (described.body !== undefined) lines.push('', JSON.stringify(described.body, null, 2));
  return lines.join('\n');
}
