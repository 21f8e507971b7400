// The incident a command acts on: `--incident ID` (as documented) or a bare `ID` argument.
import { UsageError } from '../errors.js';
import { parseOptions } from '../utils/validate.js';
import type * as z from '../zod.js';
import type { ParseFunction } from './command-kit.js';

export function incidentFromArgs(flag: unknown, args: readonly string[], components?: unknown): string | undefined {
  const positional = args[0];
  const swallowed = Array.isArray(components) ? components.at(-1) : undefined;
  if (flag === undefined && positional === undefined && typeof swallowed === 'string') {
    // `-c` is variadic: `-c API hc6hf30zv16c` reads the ID as a second component.
    throw new UsageError(
      `--incident is required: -c takes every word after it as a component, so '${swallowed}' was read as one; put the incident ID before -c, or give it with --incident (-ic)`,
    );
  }
  if (args.length > 1)
    throw new UsageError(`too many arguments: ${args.map((a) => `'${a}'`).join(' ')}; give one incident ID`);
  if (typeof flag === 'string' && positional !== undefined && flag !== positional) {
    throw new UsageError(`--incident '${flag}' and the argument '${positional}' name different incidents`);
  }
  return typeof flag === 'string' ? flag : positional;
}

/**
 * The parse step of a command on one incident (update, resolve): the ID comes from --incident
 * or the argument, or, left out by a person at a terminal, from a list later, under `pick`'s
 * rules; a script that leaves it out gets `full`'s usage error.
 */
export function incidentParser<P extends z.ZodMiniType>(
  full: z.ZodMiniType<z.output<P>>,
  pick: P,
): ParseFunction<z.output<P>> {
  return (io, raw, args) => {
    const given = incidentFromArgs(raw.incident, args, raw.components);
    const picking = given === undefined && io.interactive(raw.input === false);
    return parseOptions(picking ? pick : full, { ...raw, incident: given });
  };
}
