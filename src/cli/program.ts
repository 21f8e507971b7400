// The command tree. Registration is cheap by design: run functions load on demand.
import { Command } from 'commander';
import { registerApi } from '../commands/api/command.js';
import { registerAuth } from '../commands/auth/command.js';
import { registerCancelMaintenance } from '../commands/cancel-maintenance/command.js';
import { registerCompletion } from '../commands/completion/command.js';
import { registerCreateIncident } from '../commands/create-incident/command.js';
import { registerEditUpdate } from '../commands/edit-update/command.js';
import { registerListComponents } from '../commands/list-components/command.js';
import { registerListIncidents } from '../commands/list-incidents/command.js';
import { registerListPages } from '../commands/list-pages/command.js';
import { registerListTemplates } from '../commands/list-templates/command.js';
import { registerPostmortem } from '../commands/postmortem/command.js';
import { registerProfile } from '../commands/profile/command.js';
import { registerResolveIncident } from '../commands/resolve-incident/command.js';
import { registerSandbox } from '../commands/sandbox/command.js';
import { registerScheduleMaintenance } from '../commands/schedule-maintenance/command.js';
import { registerSetComponent } from '../commands/set-component/command.js';
import { registerShowIncident } from '../commands/show-incident/command.js';
import { registerStatus } from '../commands/status/command.js';
import { registerUpdateIncident } from '../commands/update-incident/command.js';
import { exitCodeSummary } from '../errors.js';
import type { Io } from '../output/io.js';
import { VERSION } from '../version.js';

export function buildProgram(io: Io): Command {
  const program = new Command('statuspage')
    .description('Create, update, schedule and resolve Atlassian Statuspage incidents from the terminal.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpCommand('help [command]', 'show help for a command')
    .showSuggestionAfterError(true)
    .configureHelp({ subcommandTerm: (cmd) => `${displayName(cmd)} ${cmd.usage()}`, commandUsage })
    .configureOutput({
      writeOut: (text) => io.write('stdout', text),
      writeErr: (text) => io.write('stderr', text),
      // Errors stay on one line, commander's "(Did you mean …?)" included.
      outputError: (text, write) => write(text.replace(/\n(?=\(Did you mean)/, ' ')),
    })
    .exitOverride()
    .addHelpText(
      'after',
      `
Token: --token, else $STATUSPAGE_TOKEN, else the OS keychain. Page: --page, else $STATUSPAGE_PAGE_ID.
Exit codes: ${exitCodeSummary()}.`,
    );
  program.hook('preAction', (_program, action) => {
    if (action.opts().color === false) io.disableColor();
  });
  registerCreateIncident(program, io);
  registerUpdateIncident(program, io);
  registerScheduleMaintenance(program, io);
  registerResolveIncident(program, io);
  registerCancelMaintenance(program, io);
  registerListComponents(program, io);
  registerListIncidents(program, io);
  registerListPages(program, io);
  registerShowIncident(program, io);
  registerStatus(program, io);
  registerSetComponent(program, io);
  registerListTemplates(program, io);
  registerEditUpdate(program, io);
  registerPostmortem(program, io);
  registerApi(program, io);
  registerAuth(program, io);
  registerProfile(program, io);
  registerSandbox(program, io);
  registerCompletion(program, io);
  return program;
}

/**
 * A command's name with its short aliases (`list-components|components`). The underscore
 * spellings (create_incident, …) exist for old scripts and stay out of help.
 */
function displayName(cmd: Command): string {
  const legacy = cmd.name().replaceAll('-', '_');
  return [cmd.name(), ...cmd.aliases().filter((alias) => alias !== legacy)].join('|');
}

/** `statuspage auth login [options]`: the command's path, as displayName shows each part. */
function commandUsage(cmd: Command): string {
  const names: string[] = [];
  for (let parent = cmd.parent; parent; parent = parent.parent) names.unshift(parent.name());
  return [...names, displayName(cmd), cmd.usage()].join(' ');
}
