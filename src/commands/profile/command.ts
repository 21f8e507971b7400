// `statuspage profile add|list|use|remove`: named pages (with their API URL and keychain account)
// in the config file, so nobody has to remember pg0000000001 at 3 a.m.
import type { Command } from 'commander';
import { addOutputFlags, addTransportFlags, lazyAction, option } from '../../cli/command-kit.js';
import type { Io } from '../../output/io.js';

export function defineProfile(profile: Command, io: Io): void {
  profile.description(
    'Named profiles in the config file: a page, optionally its API URL and keychain account, and whether to ask before a broadcast. --profile NAME (or STATUSPAGE_PROFILE) picks one on any command; `profile use` sets the default.',
  );

  const add = profile
    .command('add')
    .argument('<name>', 'the profile’s name: letters, digits, . _ -')
    .summary('add a profile for a page')
    .description(
      'Add a profile. --page takes an ID, or a page’s name (one GET /pages with your token); the ID is what is stored. The token itself stays in the keychain, under the profile’s own account (`statuspage auth login --profile NAME`).',
    )
    .option('-p, --page <page>', 'page ID or name (required)')
    .option('--api-url <url>', 'API base URL for this profile (default: Statuspage’s)')
    .addOption(option('--keychain-user <account>', 'keychain account of this profile’s token (default: profile-NAME)'))
    .option('--no-confirm', 'never ask before a broadcast with this profile')
    .option('--default', 'make it the default profile (the first profile always is)')
    .addOption(option('--token <token>', 'API token for finding a page by name; "-" reads it from stdin'));
  addTransportFlags(add, { retries: false });
  add.addHelpText(
    'after',
    `
Example:
  $ statuspage profile add prod --page "Acme Status"
  $ statuspage profile add staging -p pg0000000002 --api-url http://127.0.0.1:4010/v1`,
  );
  add.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parseProfileAdd,
      async () => (await import('./run.js')).runProfileAdd,
    ),
  );

  const list = profile
    .command('list')
    .summary('list the profiles; the default is marked')
    .description('List the profiles in the config file, and which one is the default.');
  addOutputFlags(list, {
    dryRun: false,
    json: 'print the config file’s path, default and profiles as JSON',
    quiet: 'print only the names',
  });
  list.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parseProfileList,
      async () => (await import('./run.js')).runProfileList,
    ),
  );

  profile
    .command('use')
    .argument('<name>', 'the profile')
    .summary('make a profile the default')
    .description('Make a profile the default: commands use it when neither --profile nor STATUSPAGE_PROFILE is given.')
    .action(
      lazyAction(
        io,
        async () => (await import('./options.js')).parseProfileName,
        async () => (await import('./run.js')).runProfileUse,
      ),
    );

  profile
    .command('remove')
    .argument('<name>', 'the profile')
    .summary('remove a profile')
    .description(
      'Remove a profile from the config file. Its token stays in the keychain: `statuspage auth logout --profile NAME` removes it.',
    )
    .action(
      lazyAction(
        io,
        async () => (await import('./options.js')).parseProfileName,
        async () => (await import('./run.js')).runProfileRemove,
      ),
    );

  for (const command of [profile, ...profile.commands]) command.exitOverride();
}
