// Keychain backends fail in platform-specific words ("DBus error: …", "User interaction is not
// allowed", Win32 codes). The user gets one sentence per kind of failure instead, naming what to do.
import { CliError, ExitCode } from '../errors.js';

/**
 * unavailable: there is no keychain to ask (no Secret Service on the bus, no default keychain,
 *   no binary for this platform) — so nothing can have been stored there either.
 * locked: there is a keychain, but it refused access without a person unlocking it.
 * timeout: it did not answer in time (typically an unlock prompt nobody answers).
 * failed: anything else.
 */
export type KeychainFailureKind = 'unavailable' | 'locked' | 'timeout' | 'failed';

export type KeychainOperation = 'read' | 'store' | 'remove';

export interface KeychainFailure {
  kind: KeychainFailureKind;
  /** One sentence, fit to show as it is. */
  sentence: string;
}

export function keychainName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  if (platform === 'linux') return 'Secret Service keyring';
  return 'OS keychain';
}

const NOT_LOADABLE =
  /Cannot find native binding|Cannot find module|not a valid Win32 application|invalid ELF header|wrong ELF class/i;
const NOT_RUNNING = [
  // Linux: no session bus, or nothing on it that provides org.freedesktop.secrets.
  /DBus error|D-Bus|org\.freedesktop\.secrets|autolaunch|DBUS_SESSION_BUS_ADDRESS|Failed to connect to socket|ServiceUnknown|not provided by any \.service/i,
  // macOS: errSecNoDefaultKeychain, errSecNoSuchKeychain.
  /No keychain is available|specified keychain could not be found|NoDefaultKeychain|NoSuchKeychain/i,
  // Windows: ERROR_NO_SUCH_LOGON_SESSION (services, some SSH sessions).
  /logon session does not exist|NO_SUCH_LOGON_SESSION|\b1312\b/i,
];
const LOCKED =
  /locked|prompt was dismissed|interaction is not allowed|user canceled|user cancelled|authori[sz]ation|auth failed|Couldn't access platform (secure )?storage|NoStorageAccess/i;

function unavailableSentence(platform: NodeJS.Platform): string {
  if (platform === 'linux') {
    return 'no keychain service is running: no Secret Service (gnome-keyring, KWallet, KeePassXC) answers on the D-Bus session bus';
  }
  if (platform === 'darwin')
    return 'no keychain is available: macOS has no default keychain for this user (see `security default-keychain`)';
  if (platform === 'win32')
    return 'no keychain service is available: Windows Credential Manager cannot be used in this logon session';
  return 'no keychain service is available on this system';
}

function lockedSentence(platform: NodeJS.Platform): string {
  if (platform === 'linux') {
    return 'the keychain is locked: the Secret Service keyring is locked (or has no default keyring) and no unlock prompt could be shown; unlock it, e.g. by logging in to the desktop, and retry';
  }
  if (platform === 'darwin') return 'the keychain is locked: unlock it with `security unlock-keychain` and retry';
  return 'the keychain is locked: it refused access until it is unlocked';
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

/** The sentence for a failure reported by a keychain backend, in the backend's own words. */
export function classifyKeychainFailure(message: string, platform: NodeJS.Platform): KeychainFailure {
  if (NOT_LOADABLE.test(message)) {
    return {
      kind: 'unavailable',
      sentence: `no keychain support for ${platform}-${process.arch}: the @napi-rs/keyring binary could not be loaded (${oneLine(message)})`,
    };
  }
  if (NOT_RUNNING.some((pattern) => pattern.test(message)))
    return { kind: 'unavailable', sentence: unavailableSentence(platform) };
  if (LOCKED.test(message)) return { kind: 'locked', sentence: lockedSentence(platform) };
  return { kind: 'failed', sentence: `the ${keychainName(platform)} failed: ${oneLine(message) || 'no reason given'}` };
}

export function timeoutFailure(timeoutMs: number): KeychainFailure {
  const seconds = Math.round((timeoutMs / 1000) * 10) / 10;
  return {
    kind: 'timeout',
    sentence: `the keychain did not answer within ${seconds} s (a locked keychain may be waiting for an unlock prompt; STATUSPAGE_KEYCHAIN_TIMEOUT gives it longer)`,
  };
}

export function noEntrySentence(service: string, account: string, platform: NodeJS.Platform): string {
  return `no entry for service '${service}', account '${account}' in the ${keychainName(platform)}`;
}

const VERBS: Record<KeychainOperation, string> = {
  read: 'cannot read the token from',
  store: 'cannot store the token in',
  remove: 'cannot remove the token from',
};

/** A keychain failure as the CLI reports it: exit 3, the operation, the entry, the sentence. */
export class KeychainError extends CliError {
  override readonly name: string = 'KeychainError';

  constructor(
    readonly operation: KeychainOperation,
    readonly service: string,
    readonly account: string,
    readonly failure: KeychainFailure,
  ) {
    super(
      `${VERBS[operation]} the keychain (service '${service}', account '${account}'): ${failure.sentence}`,
      ExitCode.keychain,
    );
  }

  get kind(): KeychainFailureKind {
    return this.failure.kind;
  }
}
