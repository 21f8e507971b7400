// Runs one @napi-rs/keyring call in a child Node process. The binding can block its calling thread
// for good (its Linux constructor waits on a D-Bus peer that never answers; macOS may wait on an
// unlock dialog); a blocked main thread can't time out, and a blocked worker thread keeps the
// process from exiting, but a child process can be killed. The token travels over pipes, never argv.
import { spawn } from 'node:child_process';

export type KeychainChildRequest =
  | { op: 'get'; service: string; account: string }
  | { op: 'set'; service: string; account: string; password: string }
  | { op: 'delete'; service: string; account: string };

/** Entry options for @napi-rs/keyring; on Linux, pins the store (see native-keychain.ts). */
export interface KeyringEntryOptions {
  linux?: { store: 'secret-service' | 'keyutils' };
}

type ChildReply = { ok: true; value: string | boolean | null } | { ok: false; message: string };

// CommonJS on purpose: `node -e` runs it whatever the parent's module type is.
const CHILD_SOURCE = `
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  let reply;
  try {
    const req = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const { AsyncEntry } = require(req.module);
    const entry = new AsyncEntry(req.service, req.account, req.options);
    if (req.op === 'get') reply = { ok: true, value: await entry.getPassword() };
    else if (req.op === 'set') reply = { ok: true, value: (await entry.setPassword(req.password), null) };
    else reply = { ok: true, value: await entry.deletePassword() };
  } catch (error) {
    reply = { ok: false, message: String((error && error.message) || error) };
  }
  process.stdout.write(JSON.stringify(reply));
});
`;

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
    const child = spawn(process.execPath, ['--input-type=commonjs', '-e', CHILD_SOURCE], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
      killSignal: 'SIGKILL',
      ...(signal ? { signal } : {}),
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdin.on('error', () => {});
    child.once('error', (error) => reject(error.name === 'AbortError' ? new KeychainChildError('aborted') : error));
    child.once('close', (code) => {
      if (signal?.aborted) return reject(new KeychainChildError('aborted'));
      let reply: ChildReply | undefined;
      try {
        reply = JSON.parse(Buffer.concat(stdout).toString('utf8')) as ChildReply;
      } catch {
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
    child.stdin.end(JSON.stringify({ ...request, module: modulePath, options }));
  });
}
