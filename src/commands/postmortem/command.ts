// `statuspage postmortem show|draft|publish|revert INCIDENT`: the write-up after an incident.
import type { Command } from 'commander';
import type { Io } from '../../output/io.js';
import { registerDraft } from './draft/command.js';
import { registerPublish } from './publish/command.js';
import { registerRevert } from './revert/command.js';
import { registerShow } from './show/command.js';

export function definePostmortem(postmortem: Command, io: Io): void {
  postmortem.description(
    'The postmortem of a resolved incident: save a draft (from a file or stdin), show it, publish it on the page (subscribers are notified only with --notify), or revert it to a draft.',
  );
  registerShow(postmortem, io);
  registerDraft(postmortem, io);
  registerPublish(postmortem, io);
  registerRevert(postmortem, io);
  for (const command of [postmortem, ...postmortem.commands]) command.exitOverride();
}
