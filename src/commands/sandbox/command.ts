// `statuspage sandbox`: a local Statuspage to rehearse against, with the status page subscribers
// would see; `sandbox exec -- COMMAND` runs a runbook against a fresh one and says what it sent.
import type { Command } from 'commander';
import { lazyAction } from '../../cli/command-kit.js';
import type { Io } from '../../output/io.js';

function addServerFlags(cmd: Command): Command {
  return cmd
    .option(
      '--seed <file>',
      'a JSON file with the page to start from: page name, components, groups, templates, subscribers',
    )
    .option('--rate-limit', 'enforce the API’s rate limit: 60 requests a minute per token, then 429 with Retry-After')
    .option('--latency <ms>', 'delay every API answer by this many milliseconds');
}

export function defineSandbox(sandbox: Command, io: Io): void {
  // `sandbox exec -- sh -c …` hands everything after the command to it, flags included.
  sandbox
    .enablePositionalOptions()
    .description(
      'Serve a Statuspage-compatible API on 127.0.0.1 (under /v1) and the status page at /: nothing reaches real subscribers. It prints the environment a script needs (export STATUSPAGE_API_URL=… STATUSPAGE_TOKEN=… STATUSPAGE_PAGE_ID=…); Ctrl-C stops it.',
    );

  const serve = sandbox
    .command('serve', { isDefault: true })
    .summary('run the sandbox until Ctrl-C (the default)')
    .description(
      'Run the sandbox until Ctrl-C. Its page is kept in a state file (--data, default in your data directory) and survives a restart; --ephemeral keeps it in memory.',
    )
    .option('--port <n>', 'port on 127.0.0.1 (default: a free one)')
    .option('--data <file>', 'the state file (default: $XDG_DATA_HOME/statuspage/sandbox.json or the platform’s)')
    .option('--ephemeral', 'keep the page in memory only');
  addServerFlags(serve).option('--json', 'print the URLs, token and page as one JSON object');
  serve.addHelpText(
    'after',
    `
Example:
  $ statuspage sandbox --port 4010 > sandbox.env &
  $ . ./sandbox.env && statuspage status`,
  );
  serve.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parseSandboxServe,
      async () => (await import('./run.js')).runSandboxServe,
    ),
  );

  const exec = sandbox
    .command('exec')
    .argument('<command...>', 'the command to run, after --')
    .summary('run a command against a fresh sandbox; say what subscribers would have received')
    .description(
      'Start an ephemeral sandbox, run COMMAND with STATUSPAGE_API_URL, STATUSPAGE_TOKEN and STATUSPAGE_PAGE_ID set and `statuspage` on its PATH, stop the sandbox, and print on stderr each notification subscribers would have received and the page as it was left. Exits with COMMAND’s exit code.',
    );
  addServerFlags(exec).passThroughOptions();
  exec.addHelpText(
    'after',
    `
Example:
  $ statuspage sandbox exec -- sh examples/outage-runbook.sh`,
  );
  exec.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parseSandboxExec,
      async () => (await import('./run.js')).runSandboxExec,
    ),
  );

  const reset = sandbox
    .command('reset')
    .summary('forget the sandbox’s page')
    .description('Delete the state file: the next sandbox starts from its seed.')
    .option('--data <file>', 'the state file (default: as for serve)');
  reset.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parseSandboxReset,
      async () => (await import('./run.js')).runSandboxReset,
    ),
  );

  for (const command of [sandbox, ...sandbox.commands]) command.exitOverride();
}
