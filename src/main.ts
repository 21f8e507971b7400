// Entry point of the bundled CLI (dist/statuspage.js), loaded by bin/statuspage.js.
import { installInterruptHandlers } from './cli/interrupt.js';
import { runCli } from './cli/run.js';
import { printMessage } from './output/io.js';

// `statuspage … | head -1` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

installInterruptHandlers(printMessage);

process.exitCode = await runCli(process.argv.slice(2));
