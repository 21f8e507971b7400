// The keychain helper: a program of its own, run by keychain-child.ts in a child process for one
// @napi-rs/keyring call. The binding can block its thread for good (on Linux it waits on a D-Bus
// peer that never answers; macOS may wait on an unlock dialog), and only a process can be killed.
//
// Protocol: one JSON request line on stdin; one JSON reply on stdout. The parent keeps stdin
// open until it has the reply, so stdin ending first means the parent is gone (killed, say):
// the helper exits at once instead of living on as an orphan. The token travels on the pipes,
// never in argv or the environment.
import { createRequire } from 'node:module';
import type { KeychainHelperReply, KeychainHelperRequest } from './keychain-child.js';

interface AsyncEntry {
  getPassword(): Promise<string | null | undefined>;
  setPassword(password: string): Promise<void>;
  deletePassword(): Promise<boolean>;
}
type Keyring = { AsyncEntry: new (service: string, account: string, options?: unknown) => AsyncEntry };

function reply(message: KeychainHelperReply): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

async function handle(line: string): Promise<void> {
  try {
    const request = JSON.parse(line) as KeychainHelperRequest;
    const { AsyncEntry } = createRequire(import.meta.url)(request.module) as Keyring;
    const entry = new AsyncEntry(request.service, request.account, request.options);
    if (request.op === 'get') reply({ ok: true, value: (await entry.getPassword()) ?? null });
    else if (request.op === 'set') {
      await entry.setPassword(request.password);
      reply({ ok: true, value: null });
    } else reply({ ok: true, value: await entry.deletePassword() });
  } catch (error) {
    reply({ ok: false, message: String((error as Error | undefined)?.message ?? error) });
  }
}

let input = '';
let handled = false;
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  input += chunk;
  const end = input.indexOf('\n');
  if (!handled && end !== -1) {
    handled = true;
    void handle(input.slice(0, end));
  }
});
process.stdin.on('end', () => process.exit(0));
