// Runs one @napi-rs/keyring call in the keychain helper (keychain-helper.ts), a child Node
// process: the binding can block its calling thread for good, and a blocked thread can neither
// time out nor let the process exit, but a child process can be killed. The helper is a module of
// its own (bundled as dist/chunks/keychain-helper.mjs), spawned by path; its reply is checked
// before it is believed.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onInterrupt } from '../interrupt.js';

export type KeychainChildRequest =
  | { op: 'get'; service: string; account: string }
  | { op: 'set'; service: string; account: string; password: string }
  | { op: 'delete'; service: string; account: string };

/** Entry options for @napi-rs/keyring; on Linux, pins the store (see native-keychain.ts). */
export interface KeyringEntryOptions {
  linux?: { store: 'secret-service' | 'keyutils' };
}

/** What the helper reads: the call, and where the binding is installed (resolved next to the CLI). */
export type KeychainHelperRequest = KeychainChildRequest & { module: string; options: KeyringEntryOptions };
export type KeychainHelperReply = { ok: true; value: string | boolean | null } | { ok: false; message: string };

// Bundled, the helper sits beside this module's chunk in dist/chunks/; compiled for the tests,
// beside this module in build/src/auth/.
declare const __KEYCHAIN_HELPER__: string | undefined;
const HELPER = fileURLToPath(
  new URL(typeof __KEYCHAIN_HELPER__ === 'string' ? __KEYCHAIN_HELPER__ : './keychain-helper.js', import.meta.url),
);

function isReply(value: unknown): value is KeychainHelperReply {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as Record<string, unknown>;
  if (reply.ok === false) return typeof reply.message === 'string';
  return (
    reply.ok === true && (typeof reply.value === 'string' || typeof reply.value === 'boolean' || reply.value === null)
  );
}

export class KeychainChildError extends Error {
  override name = 'KeychainChildError';
}

export function runKeychainChild(
  modulePath: string,
  options: KeyringEntryOptions,
  request: KeychainChildRequest,
  env: Readonly<Record<string, string | undefined>>,
  signal?: AbortSignal,
): Promise<string | boolean | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HELPER], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
      killSignal: 'SIGKILL',
      ...(signal ? { signal } : {}),
    });
    // The helper may be blocked inside the binding, where it cannot notice its parent is gone.
    const forget = onInterrupt(() => child.kill('SIGKILL'));
    child.once('exit', forget);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdin.on('error', () => {});
    child.once('error', (error) => reject(error.name === 'AbortError' ? new KeychainChildError('aborted') : error));
    child.once('close', (code) => {
      if (signal?.aborted) return reject(new KeychainChildError('aborted'));
      let reply: unknown;
      try {
        reply = JSON.parse(Buffer.concat(stdout).toString('utf8').split('\n')[0] ?? '');
      } catch {
        reply = undefined;
      }
      if (!isReply(reply)) {
        // The child died before answering; its stderr says why (a missing module, say), and
        // never holds the token, which it only ever receives on stdin.
        const why =
          Buffer.concat(stderr)
            .toString('utf8')
            .split('\n')
            .find((l) => /Error|error:/.test(l)) ?? '';
        return reject(
          new KeychainChildError(`the keychain helper exited with code ${code}${why ? `: ${why.trim()}` : ''}`),
        );
      }
      if (reply.ok) resolve(reply.value);
      else reject(new KeychainChildError(reply.message));
    });
    // stdin stays open until the helper has answered: its end tells the helper the CLI is gone.
    child.stdout.on('data', () => {
      if (Buffer.concat(stdout).includes(0x0a)) child.stdin.end();
    });
    const message: KeychainHelperRequest = { ...request, module: modulePath, options };
    child.stdin.write(`${JSON.stringify(message)}\n`);
  });
}
