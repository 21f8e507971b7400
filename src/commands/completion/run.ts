import type { Command } from 'commander';
import { printData } from '../../output/io.js';
import { bashScript } from './bash.js';
import { fishScript } from './fish.js';
import { completionModel } from './model.js';
import type { Shell } from './command.js';
import { zshScript } from './zsh.js';

const RENDERERS: Record<Shell, typeof bashScript> = { bash: bashScript, zsh: zshScript, fish: fishScript };

export function runCompletion(shell: Shell, program: Command): void {
  printData(RENDERERS[shell](completionModel(program)));
}
