// Parses argv, runs the command, and turns every outcome into an exit code and at most one
// line on stderr. No stack trace reaches the user: it could carry request details.
import { CommanderError } from 'commander';
import { CliError, ExitCode, ExitStatus } from '../errors.js';
import type { Io } from '../output/io.js';
import { assertNoSwallowedFlags, normalizeArgv, shortFlagsOf } from './argv.js';
import { buildProgram, helpArgv } from './program.js';

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const args = helpArgv(argv);
  const program = await buildProgram(io, args);
  program.hook('preAction', (_program, action) => assertNoSwallowedFlags(args, action.options));
  try {
    await program.parseAsync(normalizeArgv(args, shortFlagsOf(program)), { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    return reportError(io, error);
  }
}

export function reportError(io: Io, error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its own one-line message (or the help / version).
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof ExitStatus) {
    if (error.line) io.err(error.line);
    return error.exitCode;
  }
  if (error instanceof CliError) {
    io.err(`error: ${error.message}`);
    return error.exitCode;
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  io.err(`error: unexpected failure (a bug; please report it): ${io.redact(message).split('\n')[0]}`);
  return ExitCode.internal;
}
