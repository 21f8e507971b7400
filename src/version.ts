// The bundler replaces __STATUSPAGE_VERSION__ with package.json's version; unbundled
// (unit tests import the compiled modules directly) it is absent.
declare const __STATUSPAGE_VERSION__: string | undefined;

export const VERSION: string = typeof __STATUSPAGE_VERSION__ === 'string' ? __STATUSPAGE_VERSION__ : '0.0.0-dev';
export const USER_AGENT = `statuspage-cli/${VERSION} (+node ${process.versions.node})`;
