// Opening a link in the user's browser, or saying why not so the caller can print it instead.
// The process is started through an injected `spawn`, so tests can see what would run without
// a browser.
import { spawn as nodeSpawn, type SpawnOptions } from 'node:child_process';
import type { Env } from '../output/io.js';

/** What is needed of a started process. */
export interface Opener {
  once(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
  unref(): void;
}
export type Spawn = (command: string, args: readonly string[], options: SpawnOptions) => Opener;

export interface Launch {
  command: string;
  args: string[];
  /** Windows: pass the arguments to cmd exactly as written (start's empty title "" included). */
  verbatim?: boolean;
}

/** cmd.exe would act on these in a URL (a URL's href has no quotes or spaces); ^ makes each literal. */
const CMD_SPECIALS = /[\^&|<>()]/g;

/** How to open `url` here, or why nothing can: `$BROWSER` first, as git and gh read it. */
export function browserLaunch(url: string, platform: NodeJS.Platform, env: Env): Launch | Unavailable {
  const browser = env.BROWSER;
  if (browser !== undefined) {
    const words = browser.trim().split(/\s+/).filter(Boolean);
    const [command, ...rest] = words;
    if (command === undefined || command === 'none') {
      return { unavailable: `$BROWSER is ${command ?? 'empty'}`, declined: true };
    }
    const args = rest.some((w) => w.includes('%s')) ? rest.map((w) => w.replaceAll('%s', url)) : [...rest, url];
    return { command, args };
  }
  if (platform === 'darwin') return { command: 'open', args: [url] };
  if (platform === 'win32') {
    return { command: 'cmd', args: ['/c', 'start', '""', url.replace(CMD_SPECIALS, '^$&')], verbatim: true };
  }
  // Without a display xdg-open falls back to a text browser, which would take over the terminal.
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return { unavailable: 'no display (set $BROWSER to choose one)' };
  return { command: 'xdg-open', args: [url] };
}

export interface Unavailable {
  unavailable: string;
  /** The user said not to open one ($BROWSER empty or none): nothing failed. */
  declined?: true;
}

export type OpenOutcome = { opened: true } | { opened: false; why: string; declined?: true };

/** How long a launcher that has not exited is waited for before it counts as having opened. */
export const LAUNCH_GRACE_MS = 1500;

/**
 * Runs the launcher. It counts as opened when it exits 0, or is still running after a short
 * wait (a browser started directly runs until it is closed; it is left to run).
 */
export function openInBrowser(
  url: string,
  {
    platform,
    env,
    spawn = nodeSpawn as Spawn,
    graceMs = LAUNCH_GRACE_MS,
  }: {
    platform: NodeJS.Platform;
    env: Env;
    spawn?: Spawn;
    graceMs?: number;
  },
): Promise<OpenOutcome> {
  const launch = browserLaunch(url, platform, env);
  if ('unavailable' in launch) {
    const { unavailable: why, declined } = launch;
    return Promise.resolve(declined ? { opened: false, why, declined } : { opened: false, why });
  }
  const { command } = launch;
  return new Promise((resolve) => {
    let child: Opener;
    try {
      child = spawn(command, launch.args, {
        stdio: 'ignore',
        detached: platform !== 'win32',
        windowsHide: true,
        windowsVerbatimArguments: launch.verbatim === true,
      });
    } catch (error) {
      resolve({ opened: false, why: `${command}: ${(error as Error).message}` });
      return;
    }
    const timer = setTimeout(() => {
      child.unref();
      resolve({ opened: true });
    }, graceMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve({
        opened: false,
        why: error.code === 'ENOENT' ? `${command} not found` : `${command}: ${error.message}`,
      });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code === 0 ? { opened: true } : { opened: false, why: `${command} exited with ${code ?? signal}` });
    });
  });
}
