// What the bundle gives undici for node:http2 (an esbuild alias in build.mjs): nothing, as on a
// Node built without it, which undici allows for (it falls back to `{ constants: {} }`). The
// transport never offers HTTP/2 (allowH2 is off, so TLS negotiates http/1.1 only), and loading
// Node's http2 costs a create-incident about 7 ms.
'use strict';

throw new Error('node:http2 is left out of the statuspage bundle');
