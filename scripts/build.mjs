// Type-checks and compiles src/ and test/ to build/ (what the tests import),
// then bundles the CLI into the single file dist/statuspage.js that bin/ loads.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { deferredUndici, lazyBuiltins } from './bundle-plugins.mjs';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
// build/ holds what the tests import: a test whose source is gone must not linger there.
rmSync('build', { recursive: true, force: true });
const checked = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' });
if (checked.status !== 0) process.exit(checked.status ?? 1);

const { version } = require('../package.json');

// dist/ is published as it is ("files" in package.json): nothing stale may stay in it.
rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/statuspage.js',
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  // @napi-rs/keyring loads a platform-specific .node binary at run time: it cannot be bundled.
  external: ['@napi-rs/keyring'],
  define: { __STATUSPAGE_VERSION__: JSON.stringify(version) },
  // commander and undici are CommonJS; an ESM bundle needs a real `require` for them.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  plugins: [deferredUndici, lazyBuiltins],
  logLevel: 'warning',
});
