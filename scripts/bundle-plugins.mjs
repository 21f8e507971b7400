// esbuild plugins that keep dist/statuspage.js cheap to start: Node parses the whole bundle
// and runs its top-level imports at every start, --help included, so what only a command
// that sends a request needs must cost nothing until then.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const undiciEntry = fileURLToPath(new URL('undici-entry.cjs', import.meta.url));

/**
 * undici, reduced to what the transport uses (undici-entry.cjs), bundled as CommonJS and kept
 * in the bundle as a string that is compiled when the transport first imports it. As code,
 * its ~320 kB were parsed at every start; a string literal is skipped almost for free.
 */
export const deferredUndici = {
  name: 'deferred-undici',
  setup(b) {
    b.onResolve({ filter: /^undici$/ }, () => ({ path: 'undici', namespace: 'deferred-undici' }));
    b.onLoad({ filter: /.*/, namespace: 'deferred-undici' }, async () => {
      const inner = await build({
        entryPoints: [undiciEntry],
        bundle: true,
        minify: true,
        platform: 'node',
        format: 'cjs',
        target: b.initialOptions.target,
        legalComments: 'none',
        write: false,
        logLevel: 'warning',
      });
      const code = inner.outputFiles[0].text;
      return {
        loader: 'js',
        resolveDir: fileURLToPath(new URL('.', import.meta.url)),
        contents: `const { compileFunction } = require('node:vm');
compileFunction(${JSON.stringify(code)}, ['module', 'exports', 'require'], { filename: 'undici' })(module, module.exports, require);`,
      };
    });
  },
};

/**
 * An ESM bundle hoists every `import … from 'node:…'` to its top, so a built-in that only a
 * lazily loaded module needs (chalk's node:tty, the message reader's node:fs/promises) was
 * loaded at every start. Imported through a CommonJS shim instead, it loads with its importer.
 */
export const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) =>
      args.kind === 'import-statement' ? { path: args.path, namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      loader: 'js',
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
    }));
  },
};
