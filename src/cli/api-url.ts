// The API base URL: STATUSPAGE_API_URL (tests, proxies, mocks, a local sandbox) or Statuspage's
// own. The token travels in a header of every request, so a URL that would send it in clear,
// or somewhere other than it seems, is refused before anything is sent.
import { isIP } from 'node:net';
import { DEFAULT_API_URL } from '../api/constants.js';
import { assertOneChoice, type ChosenProfile } from '../config/config.js';
import { UsageError } from '../errors.js';
import type { Env } from '../output/io.js';

/** 127.0.0.0/8, ::1 and localhost: plain HTTP there never leaves the machine. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '0:0:0:0:0:0:0:1';
}

/**
 * `allowHttp`: --allow-http was given; STATUSPAGE_ALLOW_HTTP=1 does the same. `profileUrl`: the
 * profile's api_url, used when STATUSPAGE_API_URL is not set.
 */
export function apiBaseUrl(env: Env, allowHttp = false, profileUrl?: { url: string; profile: string }): string {
  const fromEnv = env.STATUSPAGE_API_URL?.trim();
  const raw = fromEnv || profileUrl?.url;
  if (!raw) return DEFAULT_API_URL;
  const name = fromEnv ? 'STATUSPAGE_API_URL' : `the api_url of profile '${profileUrl?.profile}'`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`${name} '${raw}' is not a URL; expected e.g. ${DEFAULT_API_URL}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`${name} '${raw}' must be an http or https URL`);
  }
  // Credentials in the URL would be printed by --verbose and --dry-run; the token is the only credential.
  if (url.username || url.password) {
    throw new UsageError(`${name} must not contain a user name or password`);
  }
  // Paths are appended to the base: a query or fragment would put them in the wrong place.
  if (url.search !== '' || url.hash !== '' || raw.includes('?') || raw.includes('#')) {
    throw new UsageError(`${name} '${raw}' must not have a ?query or #fragment; give the API's base URL`);
  }
  const httpAllowed = allowHttp || env.STATUSPAGE_ALLOW_HTTP === '1';
  if (url.protocol === 'http:' && !isLoopback(url.hostname) && !httpAllowed) {
    throw new UsageError(
      `${name} '${raw}' is plain http to ${url.hostname}: the token would cross the network unencrypted; use https, or pass --allow-http (STATUSPAGE_ALLOW_HTTP=1) if you mean it`,
    );
  }
  return raw;
}

/** The API URL for a command using `chosen` (if any): its api_url unless STATUSPAGE_API_URL is set. */
export function profileApiUrl(env: Env, allowHttp: boolean, chosen: ChosenProfile | undefined): string {
  const url = chosen?.profile.api_url;
  assertOneChoice('STATUSPAGE_API_URL', env.STATUSPAGE_API_URL?.trim() || undefined, url, chosen);
  return apiBaseUrl(env, allowHttp, url ? { url, profile: chosen.name } : undefined);
}
