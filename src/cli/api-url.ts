// The API base URL: STATUSPAGE_API_URL (tests, proxies, mocks) or Statuspage's own.
import { DEFAULT_API_URL } from '../api/request-parts.js';
import { UsageError } from '../errors.js';

export function apiBaseUrl(env: NodeJS.ProcessEnv): string {
  const raw = env.STATUSPAGE_API_URL?.trim();
  if (!raw) return DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`STATUSPAGE_API_URL '${raw}' is not a URL; expected e.g. ${DEFAULT_API_URL}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`STATUSPAGE_API_URL '${raw}' must be an http or https URL`);
  }
  // Credentials in the URL would be printed by --verbose and --dry-run; the token is the only credential.
  if (url.username || url.password) {
    throw new UsageError('STATUSPAGE_API_URL must not contain a user name or password');
  }
  return raw;
}
