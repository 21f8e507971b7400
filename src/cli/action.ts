// Commands register their flags eagerly (cheap) and load their run function only when
// invoked, so `--help` or a typo never pays for zod, undici or the keychain.
import type { Command } from 'commander';

export type RawOptions = Record<string, unknown>;
export type RunFunction = (raw: RawOptions, args: string[]) => Promise<void>;

export function lazyAction(load: () => Promise<RunFunction>) {
  return async (...received: unknown[]): Promise<void> => {
    const command = received[received.length - 1] as Command;
    const run = await load();
    await run(command.opts(), command.args);
  };
}
