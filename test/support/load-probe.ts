// Preloaded into the CLI with `--import` (see loadProbeEnv): when the CLI exits it writes what
// it had loaded to $STATUSPAGE_LOAD_PROBE_FILE. The bundle is several files, but the chunks
// that code shares (zod's among them) are all named chunk-<hash>, whatever they hold, so what
// was evaluated shows as side effects instead: the Node built-ins a library requires when it
// initialises, CommonJS modules read from node_modules, zod's global config object.
// Child processes inherit NODE_OPTIONS (the keychain runs in one), so each process merges its
// report into the file: it describes the CLI's whole process tree.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface LoadReport {
  /** Node built-in modules loaded after this probe (e.g. 'http', 'tls'). */
  builtins: string[];
  /** CommonJS files loaded from disk, e.g. the keychain's native module. */
  commonJs: string[];
  /** zod's module has been evaluated. */
  zod: boolean;
}

/** Environment that makes a CLI run report what it loaded to `file`. */
export function loadProbeEnv(file: string): Record<string, string> {
  // A file URL has no spaces or backslashes, so NODE_OPTIONS needs no quoting on any OS.
  return { NODE_OPTIONS: `--import=${import.meta.url}`, STATUSPAGE_LOAD_PROBE_FILE: file };
}

/** Node's own list of what it has loaded ('NativeModule http', …); not in @types/node. */
const moduleLoadList = (): string[] => (process as unknown as { moduleLoadList: string[] }).moduleLoadList;

const out = process.env.STATUSPAGE_LOAD_PROBE_FILE;
if (out) {
  const before = new Set(moduleLoadList());
  const require = createRequire(import.meta.url);
  process.on('exit', () => {
    const earlier: LoadReport = existsSync(out)
      ? (JSON.parse(readFileSync(out, 'utf8')) as LoadReport)
      : { builtins: [], commonJs: [], zod: false };
    const builtins = moduleLoadList()
      .filter((m) => !before.has(m) && m.startsWith('NativeModule '))
      .map((m) => m.slice('NativeModule '.length));
    const report: LoadReport = {
      builtins: [...new Set([...earlier.builtins, ...builtins])],
      commonJs: [...new Set([...earlier.commonJs, ...Object.keys(require.cache)])],
      zod: earlier.zod || (globalThis as { __zod_globalConfig?: unknown }).__zod_globalConfig !== undefined,
    };
    writeFileSync(out, JSON.stringify(report));
  });
}
