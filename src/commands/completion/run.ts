import type { Command } from 'commander';
import { bashScript } from './bash.js';
import type { Shell } from './command.js';
import { fishScript } from './fish.js';
import { completionModel } from './model.js';
import { zshScript } from './zsh.js';

const RENDERERS: Record<Shell, typeof bashScript> = { bash: bashScript, zsh: zshScript, fish: fishScript };

/** The completion script for `shell`, generated from the command tree. */
export function runCompletion(shell: Shell, program: Command): string {
  return RENDERERS[shell](completionModel(program));
}
