// Entry point of the bundled CLI (dist/statuspage.mjs), loaded by bin/statuspage.js.
import { runCli } from './cli/run.js';

// `statuspage … | head -1` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2));
