// Programs some tests need from the OS (Chromium for the status page, tmux for terminals): found
// on PATH, or installed from Debian's apt when the tests run as root (or with passwordless sudo);
// otherwise those tests skip, naming what is missing. Under CI=true a missing program fails them.
import { spawnSync } from 'node:child_process';

const runs = (program: string, args: string[]) => spawnSync(program, args, { stdio: 'ignore' }).status === 0;

/** The first of `candidates` that answers `--version`. */
export function findProgram(candidates: readonly string[]): string | undefined {
  return candidates.find((program) => runs(program, ['--version']));
}

const attempted = new Set<string>();

/**
 * The program (one of `candidates`), installing `aptPackage` when it is missing and allowed.
 * Returns the program, or why it is unavailable.
 */
export function ensureProgram(
  candidates: readonly string[],
  aptPackage: string,
): { program: string } | { missing: string } {
  const found = findProgram(candidates);
  if (found) return { program: found };
  const root = process.getuid?.() === 0;
  const sudo = !root && runs('sudo', ['-n', 'true']) ? ['sudo', '-n'] : root ? [] : undefined;
  let why = `${aptPackage} is not installed (apt-get install ${aptPackage})`;
  if (sudo !== undefined && findProgram(['apt-get']) && !attempted.has(aptPackage)) {
    attempted.add(aptPackage);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [
      ['apt-get', 'update', '-qq'],
      ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', aptPackage],
    ]) {
      const [command = 'apt-get', ...rest] = [...sudo, ...args];
      const result = spawnSync(command, rest, { env, encoding: 'utf8', timeout: 600_000 });
      if (result.status !== 0) {
        why += `; ${args.slice(0, 2).join(' ')} failed: ${(result.stderr || String(result.error ?? '')).trim().split('\n').at(-1)}`;
        break;
      }
    }
    const installed = findProgram(candidates);
    if (installed) return { program: installed };
  }
  if (process.env.CI === 'true') throw new Error(`cannot run these tests on CI: ${why}`);
  return { missing: why };
}
