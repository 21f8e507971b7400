import { listPages } from '../../api/endpoints.js';
import type { Page } from '../../api/schemas.js';
import { loadKeychain } from '../../auth/keychain.js';
import { resolveToken } from '../../auth/token.js';
import { profileApiUrl } from '../../cli/api-url.js';
import { openClient } from '../../cli/open-transport.js';
import { chosenProfile, readConfig } from '../../config/config.js';
import { emitList } from '../../output/emit-list.js';
import type { Io } from '../../output/io.js';
import type { ListPagesOptions } from './options.js';

export async function runListPages(io: Io, options: ListPagesOptions): Promise<void> {
  const { path, config } = await readConfig(io.env);
  const chosen = chosenProfile(config, options.profile, io.env, path);
  const baseUrl = profileApiUrl(io.env, options.allowHttp, chosen);
  const { token } = await resolveToken(io, {
    flag: options.token,
    timeout: options.timeout,
    keychainService: options.keychainService,
    keychainUser: options.keychainUser ?? chosen?.profile.keychain_user,
    loadKeychain: () => loadKeychain(io.env, io.platform, io.remainingMs(options.timeout)),
  });
  const client = await openClient(io, { ...options, baseUrl, token });
  let pages: Page[];
  try {
    pages = await client.send(listPages());
  } finally {
    await client.close();
  }
  await emitList(
    io,
    pages,
    {
      id: (p) => p.id,
      empty: 'The token can reach no pages.',
      columns: [
        { header: 'NAME', value: (p) => p.name ?? '' },
        { header: 'ID', value: (p) => p.id },
        { header: 'URL', value: (p) => String(p.url ?? (p.subdomain ? `https://${p.subdomain}.statuspage.io` : '')) },
      ],
    },
    options,
  );
}
