// The URL and headers of a request, apart from the transport that sends it: --dry-run prints
// them too, and must not load the transport (or undici behind it) to do so.
import { USER_AGENT } from '../version.js';
import type { ApiRequest } from './endpoints.js';

export function requestUrl(baseUrl: string, req: Pick<ApiRequest<unknown>, 'path' | 'query'>): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + req.path);
  for (const [key, value] of Object.entries(req.query ?? {})) url.searchParams.set(key, value);
  return url.toString();
}

export function requestHeaders(token: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    authorization: `OAuth ${token}`,
    accept: 'application/json',
    'user-agent': USER_AGENT,
  };
  if (hasBody) headers['content-type'] = 'application/json';
  return headers;
}
