// Compiles src/ and test/ to build/ (what the tests import), then bundles the CLI into dist/:
// the entry dist/statuspage.mjs that bin/ loads, and the chunks it imports.
// Type-checking is `npm run typecheck` (part of `npm run lint`, which `npm test` runs first):
// here each file is only transpiled, which isolatedModules and verbatimModuleSyntax make exact,
// so `npm test` does not pay for a second tsc pass (~9 s on two cores).
import { readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

function typescriptFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typescriptFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

// build/ holds what the tests import: a test whose source is gone must not linger there.
rmSync('build', { recursive: true, force: true });
await build({
  entryPoints: [...typescriptFiles('src'), ...typescriptFiles('test')],
  outdir: 'build',
  outbase: '.',
  bundle: false,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});

const { version } = require('../package.json');

// dist/ is published as it is ("files" in package.json): nothing stale may stay in it, and
// chunk names change with their content.
rmSync('dist', { recursive: true, force: true });

await build({
  // The keychain helper runs in a process of its own (src/auth/keychain-child.ts spawns it by
  // path): an entry, placed beside the chunk that spawns it.
  entryPoints: { statuspage: 'src/main.ts', 'chunks/keychain-helper': 'src/auth/keychain-helper.ts' },
  outdir: 'dist',
  // Every import() (a command's run function, the transport, the API client, chalk, the
  // keychain) becomes a chunk of its own: Node reads, parses and evaluates it only when that
  // import() runs, so --help pays for commander and the command tree, not for zod or undici.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  // With .js, Node 20 looks for the nearest package.json's "type" at every chunk it imports
  // (dist/chunks/, dist/, the package): ~1.5 ms of a usage error's ~22 files.
  outExtension: { '.js': '.mjs' },
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  // @napi-rs/keyring loads a platform-specific .node binary at run time: it cannot be bundled.
  external: ['@napi-rs/keyring'],
  // undici's index also builds fetch, WebSocket, EventSource, caches and mocks, which the
  // transport never uses: ~215 kB more to load, and in `npm run bench` a create-incident run
  // took 183 ms of CPU with it against 143 ms, and peaked at 63 MiB against 59.5 MiB.
  // node:http2 (~7 ms of a create-incident to load) is given undici as absent: see no-http2.cjs.
  alias: { undici: './scripts/undici-entry.cjs', 'node:http2': './scripts/no-http2.cjs' },
  define: {
    __STATUSPAGE_VERSION__: JSON.stringify(version),
    __KEYCHAIN_HELPER__: JSON.stringify('./keychain-helper.mjs'),
  },
  // commander and undici are CommonJS; an ESM bundle needs a real `require` for them.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
