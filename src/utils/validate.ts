// Turns zod failures on command options into the one-line usage errors the CLI promises:
// the flag, the value given, and what is allowed.
import type { ParseFunction, RawOptions } from '../cli/command-kit.js';
import { UsageError } from '../errors.js';
import type * as z from '../zod.js';
import { maskSecret } from './secret-forms.js';

/** The flag a user typed for an option key (camelCase, as commander stores it): `--component-status`. */
export function flagName(key: PropertyKey | undefined): string {
  if (key === undefined) return 'arguments';
  return `--${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const oneLine = text.replace(/\s+/g, ' ');
  return `'${oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine}'`;
}

export function parseOptions<S extends z.ZodMiniType>(schema: S, raw: Record<string, unknown>): z.output<S> {
  // A value is shown in the error; the token, given as one, never is: it is masked before the
  // value is shortened, since a token cut in half could not be found any more.
  const given = typeof raw.token === 'string' ? raw.token.trim() : '';
  const token = given.length >= 4 ? given : undefined;
  const shown = (value: unknown) =>
    describeValue(token && typeof value === 'string' ? maskSecret(value, token) : value);
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new UsageError('invalid options');
  const key = issue.path[0];
  // A rule relating several flags (option-schemas.ts) words its whole line itself.
  if (key === undefined && issue.code === 'custom') throw new UsageError(issue.message);
  const flag = flagName(key);
  const value = key === undefined ? undefined : raw[String(key)];
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const allowed = (issue.values as unknown[]).map(String).join(', ');
    throw new UsageError(`${flag} ${shown(value)} is not allowed; use one of: ${allowed}`);
  }
  // A list (-c) words its issue with the item at fault, as does a rule that quotes the value
  // itself; otherwise the value is shown as given.
  if (issue.code === 'custom' && (typeof value !== 'string' || (value !== '' && issue.message.includes(value)))) {
    throw new UsageError(`${flag}: ${issue.message}`);
  }
  if (value === undefined && issue.code === 'invalid_type') {
    // The ID is usually the argument: say so, as the usage line does.
    const how = key === 'incident' ? ': give the ID as the argument (or with --incident)' : '';
    throw new UsageError(`${flag} is required${how}`);
  }
  throw new UsageError(`${flag} ${shown(value)}: ${issue.message}`);
}

/**
 * The parse step of a command whose options are its flags (and, through `withArgs`, its
 * arguments: `{ ...raw, incident: args[0] }`), checked by `schema`.
 */
export function optionsParser<S extends z.ZodMiniType>(
  schema: S,
  withArgs: (raw: RawOptions, args: string[]) => RawOptions = (raw) => raw,
): ParseFunction<z.output<S>> {
  return (_io, raw, args) => parseOptions(schema, withArgs(raw, args));
}

/** What a command that can ask for what is missing parsed: the flags, or what a person gave so far. */
export type Asking<Full, Given> = { asking: false; options: Full } | { asking: true; given: Given; raw: RawOptions };

/**
 * The parse step of a command that asks a person at a terminal for what `missing` says the
 * flags leave out: then `given`'s rules check what there is, and the answers are checked by
 * `full`'s later, as flags are; anywhere else `full`'s rules apply at once.
 */
export function askingParser<F extends z.ZodMiniType, G extends z.ZodMiniType>(
  full: F,
  given: G,
  missing: (raw: RawOptions) => boolean,
): ParseFunction<Asking<z.output<F>, z.output<G>>> {
  return (io, raw) =>
    missing(raw) && io.interactive(raw.input === false)
      ? { asking: true, given: parseOptions(given, raw), raw }
      : { asking: false, options: parseOptions(full, raw) };
}
