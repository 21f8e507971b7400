// Entry point of the bundled CLI (dist/statuspage.js), loaded by bin/statuspage.js.
import { runCli } from './cli/run.js';

process.exitCode = await runCli(process.argv.slice(2));
