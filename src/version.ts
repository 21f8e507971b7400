// The bundler replaces __STATUSPAGE_VERSION__ with package.json's version. Unbundled (the tests
// run the compiled modules in build/src/ in their own process), package.json is read instead.
import { readFileSync } from 'node:fs';

declare const __STATUSPAGE_VERSION__: string | undefined;

function unbundledVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0-dev';
  } catch {
    return '0.0.0-dev';
  }
}

export const VERSION: string = typeof __STATUSPAGE_VERSION__ === 'string' ? __STATUSPAGE_VERSION__ : unbundledVersion();
export const USER_AGENT = `statuspage-cli/${VERSION} (+node ${process.versions.node})`;
