// -f key=value (a string), -F key=value (typed: true, false, null, numbers, @file) and --input:
// read and checked before anything is sent. Keys nest as Rails reads them: incident[name],
// incident[component_ids][] (appends).
import { readFile } from 'node:fs/promises';
import { decodeUtf8 } from '../../cli/message.js';
import { UsageError } from '../../errors.js';
import type { Io } from '../../output/io.js';

export type FieldValue = string | number | boolean | null;

export interface Field {
  /** The key as typed: what a GET sends as the query parameter's name. */
  key: string;
  /** `incident[ids][]` → ['incident', 'ids', '']: '' appends to an array. */
  path: string[];
  value: FieldValue;
  /** `-f` or `-F`, for messages. */
  flag: string;
}

const KEY = /^([^[\]=]+)((?:\[[^[\]]*\])*)$/;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export function parseKey(key: string, flag: string): string[] {
  const m = KEY.exec(key);
  if (!m) {
    throw new UsageError(`${flag} '${key}': a key is a name, optionally nested: name, name[sub], name[list][]`);
  }
  const inner = [...(m[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((s) => s[1] as string);
  const path = [m[1] as string, ...inner];
  if (path.slice(0, -1).includes('')) {
    throw new UsageError(`${flag} '${key}': [] appends to a list, so it comes last (name[list][])`);
  }
  return path;
}

function split(item: string, flag: string): [string, string] {
  const eq = item.indexOf('=');
  if (eq <= 0) throw new UsageError(`${flag} '${item}' is not key=value`);
  return [item.slice(0, eq), item.slice(eq + 1)];
}

export interface FieldSources {
  rawField: readonly string[];
  field: readonly string[];
  timeout: number;
  token?: string | undefined;
}

/** Every -f and -F, in the order the flags group them; @file and @- are read here. */
export async function readFields(io: Io, sources: FieldSources): Promise<Field[]> {
  const fields: Field[] = [];
  for (const item of sources.rawField) {
    const [key, value] = split(item, '-f');
    fields.push({ key, path: parseKey(key, '-f'), value, flag: '-f' });
  }
  let stdinUsed = false;
  for (const item of sources.field) {
    const [key, text] = split(item, '-F');
    const path = parseKey(key, '-F');
    let value: FieldValue;
    if (text.startsWith('@')) {
      const file = text.slice(1);
      if (file === '-') {
        if (stdinUsed) throw new UsageError(`-F '${key}=@-': standard input can be read once`);
        if (sources.token === '-') throw new UsageError(`-F '${key}=@-' and --token - cannot both read standard input`);
        stdinUsed = true;
      }
      value = await readText(io, file, `-F '${key}=@${file}'`, sources.timeout);
    } else {
      value = typed(text, key);
    }
    fields.push({ key, path, value, flag: '-F' });
  }
  return fields;
}

function typed(text: string, key: string): FieldValue {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  if (NUMBER.test(text)) {
    const n = Number(text);
    if (!Number.isFinite(n) || (Number.isInteger(n) && !Number.isSafeInteger(n) && !/[.eE]/.test(text))) {
      throw new UsageError(
        `-F '${key}=${text}': too large to send exactly as a JSON number; use -f to send it as text`,
      );
    }
    return n;
  }
  return text;
}

/** A file (or `-`, standard input) as strict UTF-8 text. */
export async function readText(io: Io, file: string, source: string, timeout: number): Promise<string> {
  if (file === '') throw new UsageError(`${source}: give a file name after @ (or - for standard input)`);
  let bytes: Buffer;
  if (file === '-') {
    bytes = await io.readStdin(
      io.remainingMs(timeout),
      () => new UsageError(`${source}: standard input did not end within --timeout (${timeout} s)`),
    );
  } else {
    try {
      bytes = await readFile(io.path(file));
    } catch (error) {
      throw new UsageError(`${source}: cannot read the file (${(error as { code?: string }).code ?? 'unreadable'})`);
    }
  }
  return decodeUtf8(bytes, source);
}

/** --input: a JSON document, parsed here so that a typo is a usage error rather than a 400. */
export async function readInput(io: Io, file: string, timeout: number, token: string | undefined): Promise<unknown> {
  if (file === '-' && token === '-') throw new UsageError('--input - and --token - cannot both read standard input');
  const source = `--input '${file}'`;
  const text = await readText(io, file, source, timeout);
  if (text.trim() === '') throw new UsageError(`${source} is empty; give a JSON document`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source} is not JSON: ${(error as Error).message}`);
  }
}
