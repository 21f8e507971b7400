import { listPages } from '../../api/endpoints.js';
import { loadKeychain } from '../../auth/keychain.js';
import { type ResolvedToken, resolveToken } from '../../auth/token.js';
import { apiBaseUrl } from '../../cli/api-url.js';
import { openTransport } from '../../cli/open-transport.js';
import { matchPage } from '../../cli/session.js';
import { type Config, type Profile, readConfig, writeConfig } from '../../config/config.js';
import { UsageError } from '../../errors.js';
import { emitList } from '../../output/emit-list.js';
import type { Io } from '../../output/io.js';
import type { ProfileAddOptions, ProfileListOptions } from './options.js';

const PAGE_ID = /^(?=[a-z]*[0-9])[a-z0-9]{12}$/;

function existing(config: Config, name: string, path: string): Profile {
  const profile = config.profiles[name];
  if (!profile) {
    const known = Object.keys(config.profiles);
    throw new UsageError(
      `profile '${name}' does not exist${known.length ? `; the profiles are: ${known.join(', ')}` : ` (${path} has none)`}`,
    );
  }
  return profile;
}

export async function runProfileAdd(io: Io, options: ProfileAddOptions): Promise<void> {
  const { name } = options;
  // Validated now, as every command would: an unusable URL must not wait in the config.
  const apiUrl =
    options.apiUrl === undefined ? undefined : apiBaseUrl({ STATUSPAGE_API_URL: options.apiUrl }, options.allowHttp);
  const { path, config } = await readConfig(io.env);
  if (config.profiles[name]) {
    throw new UsageError(
      `profile '${name}' already exists in ${path}; remove it first (statuspage profile remove ${name})`,
    );
  }
  const page = PAGE_ID.test(options.page) ? options.page : await pageIdByName(io, options, apiUrl);
  const profile: Profile = { page, keychain_user: options.keychainUser ?? `profile-${name}` };
  if (apiUrl !== undefined) profile.api_url = apiUrl;
  if (!options.confirm) profile.confirm = false;
  const first = Object.keys(config.profiles).length === 0;
  const updated: Config = { ...config, profiles: { ...config.profiles, [name]: profile } };
  if (first || options.default) updated.default = name;
  await writeConfig(path, updated);
  io.err(
    `Added profile '${name}' (page ${page})${updated.default === name ? ', the default,' : ''} to ${path}. Its token: statuspage auth login --profile ${name}`,
  );
}

async function pageIdByName(io: Io, options: ProfileAddOptions, apiUrl: string | undefined): Promise<string> {
  let resolved: ResolvedToken;
  try {
    resolved = await resolveToken(io, {
      flag: options.token,
      timeout: options.timeout,
      keychainService: options.keychainService,
      keychainUser: undefined,
      loadKeychain: () => loadKeychain(io.env, io.platform, io.remainingMs(options.timeout)),
    });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new UsageError(
      `--page '${options.page}' is a name, and finding it needs a token: ${why}; or give the page ID`,
    );
  }
  const transport = await openTransport(io, {
    ...options,
    baseUrl: apiUrl ?? apiBaseUrl(io.env, options.allowHttp),
    token: resolved.token,
  });
  try {
    return matchPage(options.page, await transport.send(listPages())).id;
  } finally {
    await transport.close();
  }
}

interface ProfileRow {
  name: string;
  isDefault: boolean;
  profile: Profile;
}

export async function runProfileList(io: Io, options: ProfileListOptions): Promise<void> {
  const { path, config } = await readConfig(io.env);
  if (options.json) {
    io.json({ path, default: config.default ?? null, profiles: config.profiles });
    return;
  }
  const rows: ProfileRow[] = Object.entries(config.profiles).map(([name, profile]) => ({
    name,
    isDefault: config.default === name,
    profile,
  }));
  await emitList(
    io,
    rows,
    {
      id: (r) => r.name,
      empty: `No profiles yet in ${path}: statuspage profile add NAME --page ID`,
      columns: [
        { header: 'DEFAULT', value: (r) => (r.isDefault ? '*' : '') },
        { header: 'NAME', value: (r) => r.name },
        { header: 'PAGE', value: (r) => r.profile.page },
        { header: 'API URL', value: (r) => r.profile.api_url ?? '' },
        { header: 'KEYCHAIN ACCOUNT', value: (r) => r.profile.keychain_user ?? '' },
        { header: 'CONFIRM', value: (r) => (r.profile.confirm === false ? 'no' : 'yes') },
      ],
    },
    options,
  );
}

export async function runProfileUse(io: Io, { name }: { name: string }): Promise<void> {
  const { path, config } = await readConfig(io.env);
  existing(config, name, path);
  await writeConfig(path, { ...config, default: name });
  io.err(`'${name}' is now the default profile.`);
}

export async function runProfileRemove(io: Io, { name }: { name: string }): Promise<void> {
  const { path, config } = await readConfig(io.env);
  const profile = existing(config, name, path);
  const { [name]: _removed, ...profiles } = config.profiles;
  const updated: Config = { profiles };
  if (config.default !== undefined && config.default !== name) updated.default = config.default;
  await writeConfig(path, updated);
  io.err(
    `Removed profile '${name}'${config.default === name ? ' (it was the default; there is none now)' : ''}. Its token, if any, stays in the keychain (account '${profile.keychain_user ?? ''}'): statuspage auth logout -ku '${profile.keychain_user ?? ''}'`,
  );
}
