// The config file: profiles for several pages (page, API URL, keychain account, whether to ask
// before a broadcast), and which one is the default. It lives where the platform keeps a user's
// configuration (env-paths: $XDG_CONFIG_HOME/statuspage on Linux, ~/Library/Preferences/statuspage
// on macOS, %APPDATA%\statuspage\Config on Windows), or in $STATUSPAGE_CONFIG_DIR. It is read
// only by commands that need it, validated whole, and written atomically (a temporary file, then
// a rename) with mode 0600; a file that cannot be read or parsed is an error naming it and the
// line, and is never written over.
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import envPaths from 'env-paths';
import { fileProblem, UsageError } from '../errors.js';
import type { Env } from '../output/io.js';
import * as z from '../zod.js';

export const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

const profileSchema = z.strictObject({
  page: z.string().check(z.regex(/^[A-Za-z0-9_-]+$/, 'must be a page ID')),
  api_url: z.optional(z.url({ protocol: /^https?$/ })),
  keychain_user: z.optional(z.string().check(z.minLength(1))),
  confirm: z.optional(z.boolean()),
});
export type Profile = z.infer<typeof profileSchema>;

const configSchema = z.strictObject({
  default: z.optional(z.string().check(z.regex(PROFILE_NAME))),
  profiles: z._default(z.record(z.string().check(z.regex(PROFILE_NAME, 'is not a profile name')), profileSchema), {}),
});
export type Config = z.infer<typeof configSchema>;

export function configPath(env: Env): string {
  const dir = env.STATUSPAGE_CONFIG_DIR?.trim() || envPaths('statuspage', { suffix: '' }).config;
  return join(dir, 'config.json');
}

/** The line a JSON parse error or a schema issue points at, as best it can be told. */
function lineOf(text: string, error: unknown, key?: string): number {
  const message = error instanceof Error ? error.message : '';
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  if (position) return text.slice(0, Number(position[1])).split('\n').length;
  if (key !== undefined) {
    const at = text.indexOf(JSON.stringify(key));
    if (at !== -1) return text.slice(0, at).split('\n').length;
  }
  return 1;
}

/** The config, or an empty one when there is no file yet. */
export async function readConfig(env: Env): Promise<{ path: string; config: Config; exists: boolean }> {
  const path = configPath(env);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') return { path, config: { profiles: {} }, exists: false };
    throw new UsageError(`config file ${path}: cannot be read (${fileProblem(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
    throw new UsageError(`config file ${path}:${lineOf(text, error)}: not valid JSON (${why}); fix or remove it`);
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    const key = issue?.path.at(-1);
    const line = lineOf(text, undefined, typeof key === 'string' ? key : undefined);
    throw new UsageError(`config file ${path}:${line}: ${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}`);
  }
  return { path, config: parsed.data, exists: true };
}

/** Writes the whole config: to a temporary file beside it, then renamed over it, mode 0600. */
export async function writeConfig(path: string, config: Config): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}

/**
 * A profile in use, and what chose it: `--profile`, STATUSPAGE_PROFILE, or none (the default one).
 * One named explicitly outranks the environment's page and API URL only by refusing them when
 * they differ (session.ts): which of the two was meant cannot be told.
 */
export interface ChosenProfile {
  name: string;
  profile: Profile;
  namedBy: '--profile' | 'STATUSPAGE_PROFILE' | undefined;
}

/** The profile a command uses: --profile, else $STATUSPAGE_PROFILE, else the default, if any. */
export function chosenProfile(
  config: Config,
  flag: string | undefined,
  env: Env,
  path: string,
): ChosenProfile | undefined {
  const named = flag ?? (env.STATUSPAGE_PROFILE?.trim() || undefined);
  const namedBy = flag !== undefined ? '--profile' : named !== undefined ? 'STATUSPAGE_PROFILE' : undefined;
  const name = named ?? config.default;
  if (name === undefined) return undefined;
  const profile = config.profiles[name];
  if (!profile) {
    const known = Object.keys(config.profiles);
    const source = namedBy ? `${namedBy} '${name}'` : `the default profile '${name}' (in ${path})`;
    const fix = namedBy === undefined ? ' (statuspage profile use NAME)' : '';
    throw new UsageError(
      `${source} is not a profile${known.length ? `; the profiles are: ${known.join(', ')}${fix}` : `: ${path} has none yet (statuspage profile add)`}`,
    );
  }
  return { name, profile, namedBy };
}

/** The profile a command uses (see chosenProfile), read from the config file. */
export async function loadProfile(env: Env, flag: string | undefined): Promise<ChosenProfile | undefined> {
  const { path, config } = await readConfig(env);
  return chosenProfile(config, flag, env, path);
}

/**
 * A profile named on this command line (or by STATUSPAGE_PROFILE) and a variable of the
 * environment that choose two different pages, or APIs: a usage error, since which was meant
 * cannot be told and the wrong one would notify the wrong subscribers. The default profile yields
 * to the environment, as documented.
 */
export function assertOneChoice(
  variable: 'STATUSPAGE_PAGE_ID' | 'STATUSPAGE_API_URL',
  fromEnv: string | undefined,
  fromProfile: string | undefined,
  profile: ChosenProfile | undefined,
): void {
  if (!profile?.namedBy || fromEnv === undefined || fromProfile === undefined) return;
  const same = (a: string) => a.trim().replace(/\/+$/, '');
  if (same(fromEnv) === same(fromProfile)) return;
  const what = variable === 'STATUSPAGE_PAGE_ID' ? 'pages' : 'API URLs';
  const flag = variable === 'STATUSPAGE_PAGE_ID' ? 'give -p to choose, or ' : '';
  throw new UsageError(
    `${profile.namedBy} ${profile.name} (${fromProfile}) and ${variable} (${fromEnv.trim()}) name different ${what}; ${flag}unset ${variable}`,
  );
}
