// A template kept in a file (a runbook in git): a YAML front matter between `---` lines, then
// the message. Loaded by import() only when --template names a file, so the YAML parser costs
// nothing to any other run. The YAML is data only: no tags that run code, no aliases.
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { IMPACTS, INCIDENT_STATUSES } from '../api/constants.js';
import { fileProblem, UsageError } from '../errors.js';
import type { Io } from '../output/io.js';
import * as z from '../zod.js';
import { decodeUtf8 } from './message.js';
import { componentRefsSchema } from './option-schemas.js';
import type { Template } from './template.js';

const KEYS = ['title', 'status', 'impact', 'components', 'notify'] as const;

const frontMatterSchema = z.partial(
  z.strictObject({
    title: z.string({ message: 'must be text' }),
    status: z.enum(INCIDENT_STATUSES),
    impact: z.enum(IMPACTS),
    // `components: [API, Database=partial_outage]` or `components: API, Database`.
    components: z.pipe(
      z.pipe(
        z.union([z.string(), z.array(z.string())], { message: 'must be a list of component names or IDs' }),
        z.transform((value) => (typeof value === 'string' ? [value] : value)),
      ),
      componentRefsSchema,
    ),
    notify: z.boolean({ message: 'must be true or false' }),
  }),
);

const FENCE = /^---[ \t]*$/;

export async function readTemplateFile(io: Io, ref: string): Promise<Template> {
  const source = `--template '${ref}'`;
  let bytes: Buffer;
  try {
    bytes = await readFile(io.path(ref));
  } catch (error) {
    throw new UsageError(`${source}: cannot read the file (${fileProblem(error)})`);
  }
  const { frontMatter, body } = splitFrontMatter(decodeUtf8(bytes, source), source);
  const fields = frontMatter === undefined ? {} : validate(parseYaml(frontMatter, source), source);
  return {
    label: `'${ref}'`,
    title: fields.title,
    body,
    status: fields.status,
    impact: fields.impact,
    components: fields.components ?? [],
    notify: fields.notify,
  };
}

/**
 * A front matter opens with `---` on the first line and closes with the next `---` line; a file
 * without one is all message. The blank lines around the message are the file's layout, not text.
 */
export function splitFrontMatter(text: string, source: string): { frontMatter?: string; body: string } {
  const lines = text.split(/(?<=\n)/);
  const tidy = (rest: string[]) =>
    rest
      .join('')
      .replace(/^(?:[ \t]*\r?\n)+/, '')
      .trimEnd();
  if (!FENCE.test((lines[0] ?? '').replace(/\r?\n$/, ''))) return { body: tidy(lines) };
  const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line.replace(/\r?\n$/, '')));
  if (end === -1) {
    throw new UsageError(
      `${source}: the front matter opened by '---' on line 1 is never closed; end it with a line '---'`,
    );
  }
  return { frontMatter: lines.slice(1, end).join(''), body: tidy(lines.slice(end + 1)) };
}

function parseYaml(text: string, source: string): unknown {
  // YAML 1.2's core schema: `no` stays a word and a date stays text; a key given twice is an error.
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, merge: false, prettyErrors: true });
  const [problem] = [...doc.errors, ...doc.warnings];
  if (problem) {
    // Lines count from the file's first, the opening '---'.
    const line = (problem.linePos?.[0].line ?? 0) + 1;
    const what = (problem.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw new UsageError(`${source}, line ${line}: the front matter is not valid YAML: ${what}`);
  }
  try {
    return doc.toJS({ maxAliasCount: 0 }) ?? {};
  } catch {
    throw new UsageError(`${source}: the front matter uses YAML aliases (*name); write each value out`);
  }
}

function validate(data: unknown, source: string): z.output<typeof frontMatterSchema> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UsageError(`${source}: the front matter must be keys and values (${KEYS.join(', ')})`);
  }
  const parsed = frontMatterSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = String(issue?.path[0] ?? '');
  if (issue?.code === 'unrecognized_keys') {
    throw new UsageError(`${source}: unknown key '${issue.keys[0]}' in the front matter; allowed: ${KEYS.join(', ')}`);
  }
  if (issue?.code === 'invalid_value' && 'values' in issue) {
    const given = (data as Record<string, unknown>)[key];
    throw new UsageError(
      `${source}: ${key} '${String(given)}' is not allowed; use one of: ${(issue.values as unknown[]).join(', ')}`,
    );
  }
  const sep = issue?.code === 'custom' ? ':' : '';
  throw new UsageError(`${source}: ${key}${sep} ${issue?.message ?? 'is invalid'}`);
}
