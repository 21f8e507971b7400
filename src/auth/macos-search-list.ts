// macOS: `security add-generic-password … secrets.keychain` stores the token in a keychain of the
// user's choosing. @napi-rs/keyring looks only in the default keychain; /usr/bin/security looks
// through the whole search list (`security list-keychains`), so entries there are found too.
import { execFile } from 'node:child_process';

const SECURITY = '/usr/bin/security';
/** `security` exits with 44 (errSecItemNotFound) when no keychain on the search list has the item. */
const NOT_FOUND = 44;

function security(args: string[], signal?: AbortSignal): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      SECURITY,
      args,
      { encoding: 'utf8', killSignal: 'SIGKILL', ...(signal ? { signal } : {}) },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

function failure(stderr: string, code: number): Error {
  // e.g. "security: SecKeychainSearchCopyNext: User interaction is not allowed."
  const line = stderr.trim().split('\n').pop() ?? '';
  return new Error(line || `security exited with code ${code}`);
}

export async function findOnSearchList(service: string, account: string, signal?: AbortSignal): Promise<string | null> {
  const { code, stdout, stderr } = await security(
    ['find-generic-password', '-s', service, '-a', account, '-w'],
    signal,
  );
  if (code === NOT_FOUND) return null;
  if (code !== 0) throw failure(stderr, code);
  return stdout.replace(/\r?\n$/, '');
}

export async function deleteFromSearchList(service: string, account: string, signal?: AbortSignal): Promise<boolean> {
  const { code, stderr } = await security(['delete-generic-password', '-s', service, '-a', account], signal);
  if (code === NOT_FOUND) return false;
  if (code !== 0) throw failure(stderr, code);
  return true;
}
