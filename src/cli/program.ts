// The command tree. A run builds in full only the command that argv names (every command for
// `completion`, which describes them all): the others are a name, a summary and a usage line,
// all that the program's help and commander's "Did you mean …?" read. Defining every command's
// flags cost a usage error or --help about 5 ms of its start-up; each definition, and each run
// function below it, loads on demand.
import { Command } from 'commander';
import { exitCodeSummary } from '../errors.js';
import type { Io } from '../output/io.js';
import { VERSION } from '../version.js';

type Define = (cmd: Command, io: Io) => void;

interface Entry {
  name: string;
  /** Short spellings; the underscore one (create_incident) is added for every hyphenated name. */
  aliases?: readonly string[];
  summary: string;
  /** What commander derives from the full definition: a test holds the two equal. */
  usage: string;
  define: () => Promise<Define>;
}

export const COMMANDS: readonly Entry[] = [
  {
    name: 'create-incident',
    summary: 'open a new incident',
    usage: '[options]',
    define: async () => (await import('../commands/create-incident/command.js')).defineCreateIncident,
  },
  {
    name: 'update-incident',
    summary: 'post an update to an incident or maintenance',
    usage: '[options] [incident]',
    define: async () => (await import('../commands/update-incident/command.js')).defineUpdateIncident,
  },
  {
    name: 'schedule-maintenance',
    summary: 'schedule a maintenance window',
    usage: '[options]',
    define: async () => (await import('../commands/schedule-maintenance/command.js')).defineScheduleMaintenance,
  },
  {
    name: 'resolve-incident',
    summary: 'resolve an incident or complete a maintenance',
    usage: '[options] [incident]',
    define: async () => (await import('../commands/resolve-incident/command.js')).defineResolveIncident,
  },
  {
    name: 'cancel-maintenance',
    summary: 'delete a maintenance that has not started',
    usage: '[options] [maintenance]',
    define: async () => (await import('../commands/cancel-maintenance/command.js')).defineCancelMaintenance,
  },
  {
    name: 'list-components',
    aliases: ['components'],
    summary: 'list the page’s components with their IDs',
    usage: '[options]',
    define: async () => (await import('../commands/list-components/command.js')).defineListComponents,
  },
  {
    name: 'list-incidents',
    aliases: ['incidents'],
    summary: 'list open incidents (or scheduled, in-progress maintenance, or all)',
    usage: '[options]',
    define: async () => (await import('../commands/list-incidents/command.js')).defineListIncidents,
  },
  {
    name: 'list-pages',
    aliases: ['pages'],
    summary: 'list the pages your token can reach',
    usage: '[options]',
    define: async () => (await import('../commands/list-pages/command.js')).defineListPages,
  },
  {
    name: 'show-incident',
    aliases: ['view'],
    summary: 'show an incident or maintenance with every update, oldest first',
    usage: '[options] [incident]',
    define: async () => (await import('../commands/show-incident/command.js')).defineShowIncident,
  },
  {
    name: 'status',
    summary: 'the page at a glance: what is broken, open incidents, maintenance',
    usage: '[options]',
    define: async () => (await import('../commands/status/command.js')).defineStatus,
  },
  {
    name: 'set-component',
    summary: 'set components’ status without an incident',
    usage: '[options] <NAME[=STATUS]...>',
    define: async () => (await import('../commands/set-component/command.js')).defineSetComponent,
  },
  {
    name: 'list-templates',
    aliases: ['templates'],
    summary: 'list the page’s incident templates',
    usage: '[options]',
    define: async () => (await import('../commands/list-templates/command.js')).defineListTemplates,
  },
  {
    name: 'edit-update',
    summary: 'fix the text or the shown time of an update already posted',
    usage: '[options] <incident> [update]',
    define: async () => (await import('../commands/edit-update/command.js')).defineEditUpdate,
  },
  {
    name: 'postmortem',
    summary: 'write, show, publish or unpublish an incident’s postmortem',
    usage: '[options] [command]',
    define: async () => (await import('../commands/postmortem/command.js')).definePostmortem,
  },
  {
    name: 'api',
    summary: 'send any request to the Statuspage API (subscribers, metrics, page access, …)',
    usage: '[options] <path>',
    define: async () => (await import('../commands/api/command.js')).defineApi,
  },
  {
    name: 'auth',
    summary: 'store, check or remove the API token in the OS keychain',
    usage: '[options] [command]',
    define: async () => (await import('../commands/auth/command.js')).defineAuth,
  },
  {
    name: 'profile',
    summary: 'keep several pages as named profiles',
    usage: '[options] [command]',
    define: async () => (await import('../commands/profile/command.js')).defineProfile,
  },
  {
    name: 'sandbox',
    summary: 'a local Statuspage to rehearse against, and the page subscribers would see',
    usage: '[options] [command]',
    define: async () => (await import('../commands/sandbox/command.js')).defineSandbox,
  },
  {
    name: 'completion',
    summary: 'print a shell completion script (bash, zsh or fish)',
    usage: '[options] <shell>',
    define: async () => (await import('../commands/completion/command.js')).defineCompletion,
  },
];

/** Every spelling of a command: its name, its short aliases, and the underscore form. */
export function spellings(entry: Entry): string[] {
  const legacy = entry.name.replaceAll('-', '_');
  return [entry.name, ...(entry.aliases ?? []), ...(legacy === entry.name ? [] : [legacy])];
}

/**
 * The commands argv runs: the one it names (`help NAME` names it too), all of them for
 * `completion`, none for the program's own help, version or an unknown command. The program's
 * only options are -h and -V, so the first word that is not a flag is the command.
 */
export function commandsFor(argv: readonly string[] | 'all'): readonly Entry[] {
  if (argv === 'all') return COMMANDS;
  const words = argv.filter((arg) => !arg.startsWith('-'));
  const word = words[0] === 'help' ? words[1] : words[0];
  if (word === 'completion') return COMMANDS;
  return COMMANDS.filter((entry) => word !== undefined && spellings(entry).includes(word));
}

/**
 * argv with help asked for the way commander answers it: nothing at all is the program's help
 * (on stdout, as `gh` and `kubectl` give it); `help A B` is `A B --help`, subcommands included;
 * `help NOSUCH` is `NOSUCH`, so that commander says the command is unknown and suggests one.
 */
export function helpArgv(argv: readonly string[]): readonly string[] {
  if (argv.length === 0) return ['--help'];
  if (argv[0] !== 'help' || argv.length === 1) return argv;
  const [word, ...rest] = argv.slice(1);
  const known = COMMANDS.some((entry) => word !== undefined && spellings(entry).includes(word));
  return known && word !== undefined ? [word, ...rest, '--help'] : argv.slice(1, 2);
}

/** The program, with the commands that argv runs defined in full (`'all'`: every one). */
export async function buildProgram(io: Io, argv: readonly string[] | 'all'): Promise<Command> {
  const program = new Command('statuspage')
    .description('Create, update, schedule and resolve Atlassian Statuspage incidents from the terminal.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpCommand('help [command]', 'show help for a command')
    .showSuggestionAfterError(true)
    // `sandbox exec -- sh -c …` hands everything after its command on, flags included: commander
    // allows that only below a program whose options are positional too (only -h and -V here).
    .enablePositionalOptions()
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
Token: --token, else $STATUSPAGE_TOKEN, else the OS keychain. Page: --page, else $STATUSPAGE_PAGE_ID, else the profile's.
Exit codes: ${exitCodeSummary()}.`,
    );
  program.hook('preAction', (_program, action) => {
    if (action.opts().color === false) io.disableColor();
  });
  const full = commandsFor(argv);
  const definitions = await Promise.all(full.map((entry) => entry.define()));
  for (const entry of COMMANDS) {
    const cmd = program.command(entry.name).aliases(spellings(entry).slice(1)).summary(entry.summary);
    const index = full.indexOf(entry);
    if (index === -1) cmd.usage(entry.usage);
    else definitions[index]?.(cmd, io);
  }
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
