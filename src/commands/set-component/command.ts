import type { Command } from 'commander';
import { COMPONENT_STATUSES } from '../../api/constants.js';
import { addConnectionFlags, addOutputFlags, lazyAction } from '../../cli/command-kit.js';
import type { Io } from '../../output/io.js';

export function defineSetComponent(cmd: Command, io: Io): void {
  cmd
    .argument(
      '<NAME[=STATUS]...>',
      'component names or IDs, each with its status or taking -s; a group stands for its members',
    )
    .description(
      'Set the status of components directly, outside any incident: NAME=STATUS for each, or NAME… -s STATUS. A component group’s name sets every component in it.',
    )
    .option('-s, --status <status>', `status for the components named without one: ${COMPONENT_STATUSES.join(', ')}`);
  // Setting a component notifies nobody, so there is no last look for -y to skip.
  addOutputFlags(addConnectionFlags(cmd), { yes: false });
  cmd.addHelpText(
    'after',
    `
Names are matched as -c matches them (exact, case-insensitive, or an ID). The component list is
read once (100 per request) for names, groups and current statuses; a component already in
its status is left alone and said so. When anything changes, the unresolved incidents are
read once too, to note the components one of them lists (the incident keeps its own record).
Then one PATCH per component that changes. Incident subscribers are not notified.
-s is for the names given without =STATUS; one component given two statuses (by name and ID,
through its group, or with = and -s) is refused. --json prints the changed components, -q their
IDs. --dry-run still makes the reads; with --json it prints one object per request.

Example:
  $ statuspage set-component API=degraded_performance "CDN Edge"=partial_outage
  $ statuspage set-component API Website -s operational`,
  );
  cmd.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parseSetComponent,
      async () => (await import('./run.js')).runSetComponent,
    ),
  );
}
