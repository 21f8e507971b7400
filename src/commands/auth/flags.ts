// Flags the auth subcommands share: which keychain entry, and how to reach the API to verify a token.
import type { Command } from 'commander';
import { DEFAULT_KEYCHAIN_SERVICE } from '../../auth/keychain.js';
import { option } from '../../cli/common-flags.js';

export function addKeychainFlags(cmd: Command): Command {
  return cmd
    .addOption(
      option('--keychain-service <service>', 'keychain service of the entry').default(DEFAULT_KEYCHAIN_SERVICE),
    )
    .addOption(option('--keychain-user <account>', 'keychain account of the entry (default: your OS user name)'));
}

export function addApiFlags(cmd: Command): Command {
  return cmd
    .option('-g, --ignore-ssl', 'do not verify the API’s TLS certificate (last resort; prints a warning)')
    .option('--timeout <seconds>', 'give up on the API after this many seconds', '30')
    .option('--verbose', 'log each request and response to stderr (token redacted)');
}
