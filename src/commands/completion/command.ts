import { Argument, type Command } from 'commander';
import type { Io } from '../../output/io.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export function defineCompletion(cmd: Command, io: Io): void {
  cmd
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(SHELLS))
    .description('Print a script that completes commands, flags and their values: bash, zsh or fish.')
    .addHelpText(
      'after',
      `
Example:
  $ source <(statuspage completion bash)           # bash, e.g. in ~/.bashrc
  $ source <(statuspage completion zsh)            # zsh, after compinit in ~/.zshrc
  $ statuspage completion fish > ~/.config/fish/completions/statuspage.fish`,
    );
  cmd.action(async (shell: Shell) => {
    const { runCompletion } = await import('./run.js');
    // The program was built whole for this command (program.ts): every command and flag is there.
    io.out(runCompletion(shell, cmd.parent ?? cmd));
  });
}
