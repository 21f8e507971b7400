// Preloaded into the CLI with `--import` (see loadProbeEnv): when the CLI exits it writes what
// it had loaded to $STATUSPAGE_LOAD_PROBE_FILE. The bundle is several files, but the chunks
// that code shares (zod's among them) are all named chunk-<hash>, whatever they hold, so what
// was evaluated shows as side effects instead: the Node built-ins a library requires when it
// initialises, CommonJS modules read from node_modules, zod's global config object.
// Child processes inherit NODE_OPTIONS (the keychain runs in one), so each process merges its
// report into the file: it describes the CLI's whole process tree. The ES module files each
// process loads are noted too, by module hooks (load-probe-hooks.ts): what a chunk holds can
// then be told from its text (see `loadedFileContaining`).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface LoadReport {
  /** Node built-in modules loaded after this probe (e.g. 'http', 'tls'). */
  builtins: string[];
  /** CommonJS files loaded from disk, e.g. the keychain's native module. */
  commonJs: string[];
  /** ES module files loaded (file: URLs): the CLI's entry and the chunks it read. */
  esm: string[];
  /** zod's module has been evaluated. */
  zod: boolean;
}

/** The first ES module file the run loaded whose text includes `marker`, if any. */
export function loadedFileContaining(report: LoadReport, marker: string): string | undefined {
  return report.esm.map((url) => fileURLToPath(url)).find((path) => readFileSync(path, 'utf8').includes(marker));
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
  const require = createRequire(import.meta.url);
  // One list per process: the hooks thread writes it while the process runs, the exit reads it.
  const esmList = `${out}.${process.pid}.esm`;
  register(new URL('./load-probe-hooks.js', import.meta.url), { data: { file: esmList } });
  // After the hooks' own start-up (a worker thread), so what that loads is not taken for the CLI's.
  const before = new Set(moduleLoadList());
  process.on('exit', () => {
    const earlier: LoadReport = existsSync(out)
      ? (JSON.parse(readFileSync(out, 'utf8')) as LoadReport)
      : { builtins: [], commonJs: [], esm: [], zod: false };
    const esm = existsSync(esmList) ? readFileSync(esmList, 'utf8').split('\n').filter(Boolean) : [];
    rmSync(esmList, { force: true });
    const builtins = moduleLoadList()
      .filter((m) => !before.has(m) && m.startsWith('NativeModule '))
      .map((m) => m.slice('NativeModule '.length));
    const report: LoadReport = {
      builtins: [...new Set([...earlier.builtins, ...builtins])],
      commonJs: [...new Set([...earlier.commonJs, ...Object.keys(require.cache)])],
      esm: [...new Set([...earlier.esm, ...esm])],
      zod: earlier.zod || (globalThis as { __zod_globalConfig?: unknown }).__zod_globalConfig !== undefined,
    };
    writeFileSync(out, JSON.stringify(report));
  });
}
