// The command tree. Registration is cheap by design: run functions load on demand.
import { Command } from 'commander';
import { registerAuth } from '../commands/auth/command.js';
import { registerCompletion } from '../commands/completion/command.js';
import { registerCreateIncident } from '../commands/create-incident/command.js';
import { registerListComponents } from '../commands/list-components/command.js';
import { registerListIncidents } from '../commands/list-incidents/command.js';
import { registerResolveIncident } from '../commands/resolve-incident/command.js';
import { registerScheduleMaintenance } from '../commands/schedule-maintenance/command.js';
import { registerUpdateIncident } from '../commands/update-incident/command.js';
import { disableColor } from '../output/color-choice.js';
import { VERSION } from '../version.js';

export function buildProgram(): Command {
  const program = new Command('statuspage')
    .description('Create, update, schedule and resolve Atlassian Statuspage incidents from the terminal.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpCommand('help [command]', 'show help for a command')
    .showSuggestionAfterError(true)
    // Aliases (create_incident, …) exist for old scripts; help shows the canonical names only.
    .configureHelp({ subcommandTerm: (cmd) => `${cmd.name()} ${cmd.usage()}` })
    .exitOverride()
    .addHelpText(
      'after',
      `
Token: --token, else $STATUSPAGE_TOKEN, else the OS keychain. Page: --page, else $STATUSPAGE_PAGE_ID.
Exit codes: 0 ok, 1 API error, 2 usage, 3 keychain, 4 auth, 5 not found, 6 rate limited, 7 network/timeout.`,
    );
  program.hook('preAction', (_program, action) => {
    if (action.opts().color === false) disableColor();
  });
  registerCreateIncident(program);
  registerUpdateIncident(program);
  registerScheduleMaintenance(program);
  registerResolveIncident(program);
  registerListComponents(program);
  registerListIncidents(program);
  registerAuth(program);
  registerCompletion(program);
  // Subcommands inherit exitOverride only if set before they are added; set it on each, too.
  for (const command of program.commands) command.exitOverride();
  return program;
}
