// `statuspage auth login|status|logout`: the API token in the OS keychain.
import type { Command } from 'commander';
import { addKeychainFlags, addTransportFlags, lazyAction, option } from '../../cli/command-kit.js';
import type { Io } from '../../output/io.js';

/** Which entry: the keychain flags, or a profile's account; `requests` adds how the check is sent. */
function addEntryFlags(cmd: Command, requests: boolean): void {
  addKeychainFlags(cmd, 'of the entry');
  if (requests) addTransportFlags(cmd, { retries: false });
  cmd.option(
    '--profile <name>',
    `the entry of this profile (its keychain account)${requests ? ', and its API URL' : ''}`,
  );
}

export function defineAuth(auth: Command, io: Io): void {
  auth.description(
    'Manage the API token in the OS keychain (macOS Keychain, Secret Service on Linux, Windows Credential Manager). Commands take the token from --token, else STATUSPAGE_TOKEN, else the keychain.',
  );

  const login = auth
    .command('login')
    .summary('store the API token in the OS keychain')
    .description(
      'Store the API token in the OS keychain, where every command finds it. In a terminal it is read at a hidden prompt; otherwise from the first line of standard input. It is checked with one GET /pages first, and not stored if the API rejects it.',
    )
    .option('--no-verify', 'store the token without checking it with the API first');
  addEntryFlags(login, true);
  login.addHelpText(
    'after',
    `
Example:
  $ pass show statuspage | statuspage auth login
  $ statuspage auth login -ks statuspage-token -ku ci-bot`,
  );
  login.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parseLogin,
      async () => (await import('./login/run.js')).runLogin,
    ),
  );

  const status = auth
    .command('status')
    .summary('show where the API token comes from and whether the API accepts it')
    .description(
      'Show where commands would take the API token from (--token, STATUSPAGE_TOKEN, the OS keychain, or nowhere) and check it with one GET /pages. The token itself is never shown, only its last 4 characters.',
    )
    .addOption(option('--token <token>', 'check this token instead; "-" reads it from stdin'));
  addEntryFlags(status, true);
  status.addHelpText('after', '\nExample:\n  $ statuspage auth status');
  status.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parseStatus,
      async () => (await import('./status/run.js')).runStatus,
    ),
  );

  const logout = auth
    .command('logout')
    .summary('remove the API token from the OS keychain')
    .description('Delete the keychain entry holding the API token. --token and STATUSPAGE_TOKEN are not affected.');
  addEntryFlags(logout, false);
  logout.addHelpText('after', '\nExample:\n  $ statuspage auth logout -ku ci-bot');
  logout.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parseLogout,
      async () => (await import('./logout/run.js')).runLogout,
    ),
  );

  for (const command of [auth, ...auth.commands]) command.exitOverride();
}
