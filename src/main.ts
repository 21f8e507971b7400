// Entry point of the bundled CLI (dist/statuspage.mjs), loaded by bin/statuspage.js: the one place
// that turns the process into an Io, and the CLI's outcome into the process's exit code.

import { runCli } from './cli/run.js';
import { installInterruptHandlers } from './interrupt.js';
import { Io } from './output/io.js';

// `statuspage … | head -1` closes the pipe early: that is the reader's choice, not a failure.
// Any other failure to write the results (a full disk: ENOSPC) is one line and exit 1.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`error: cannot write to standard output (${error.code ?? error.message})\n`);
  process.exit(1);
});
// A stderr that goes away (`2>&1 >out | head -1`) loses messages, nothing more: it must not
// change what the command sends, nor end it between a request and its retry.
process.stderr.on('error', () => {});

const io = new Io({
  stdin: () => process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  stdinIsTTY: () => process.stdin.isTTY === true,
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  env: process.env,
  platform: process.platform,
  cwd: process.cwd(),
  self: [process.execPath, ...process.execArgv, process.argv[1] ?? ''],
  inheritStdio: true,
});
installInterruptHandlers((line) => io.err(line));

process.exitCode = await runCli(process.argv.slice(2), io);
io.closeStdin();
