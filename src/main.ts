// Entry point of the bundled CLI (dist/statuspage.mjs), loaded by bin/statuspage.js: the one place
// that turns the process into an Io, and the CLI's outcome into the process's exit code.
import { installInterruptHandlers } from './cli/interrupt.js';
import { runCli } from './cli/run.js';
import { Io } from './output/io.js';

// `statuspage … | head -1` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const io = new Io({
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  stdinIsTTY: process.stdin.isTTY === true,
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  env: process.env,
  platform: process.platform,
  cwd: process.cwd(),
});
installInterruptHandlers((line) => io.err(line));

process.exitCode = await runCli(process.argv.slice(2), io);
