// Which official operation a method and a concrete path name, and which come closest when none
// does: what `statuspage api` checks before it sends anything.
import type { HttpMethod } from './endpoints.js';
import { OPERATIONS, type Operation } from './operations.js';

export interface OperationMatch {
  operation: Operation;
  /** Each {param} of the template and the path's segment in its place, as written (still percent-encoded). */
  params: Readonly<Record<string, string>>;
}

interface Template {
  path: string;
  /** A literal segment, or null for a {param}. */
  literals: readonly (string | null)[];
  names: readonly (string | undefined)[];
  /** Sorted by method, as OPERATIONS is. */
  operations: readonly Operation[];
}

const TEMPLATES: readonly Template[] = (() => {
  const byPath = new Map<string, Operation[]>();
  for (const operation of OPERATIONS) {
    const list = byPath.get(operation.path);
    if (list) list.push(operation);
    else byPath.set(operation.path, [operation]);
  }
  return [...byPath].map(([path, operations]) => {
    const segments = path.slice(1).split('/');
    const names = segments.map((s) => /^\{(.+)\}$/.exec(s)?.[1]);
    return { path, literals: segments.map((s, i) => (names[i] === undefined ? s : null)), names, operations };
  });
})();

/** Segments of a concrete path; the leading slash is optional, a trailing one and any query string are ignored. */
function segmentsOf(path: string): string[] {
  const bare = path.replace(/[?#].*$/s, '').replace(/\/+$/, '');
  return (bare.startsWith('/') ? bare.slice(1) : bare).split('/');
}

function fits(template: Template, segments: readonly string[]): boolean {
  return (
    template.literals.length === segments.length &&
    template.literals.every((literal, i) => (literal === null ? segments[i] !== '' : literal === segments[i]))
  );
}

/** At the first segment where one has a literal and the other a {param}, the literal wins (as OpenAPI has it). */
function moreSpecific(a: Template, b: Template): Template {
  for (let i = 0; i < a.literals.length; i++) {
    const aLiteral = a.literals[i] !== null;
    if (aLiteral !== (b.literals[i] !== null)) return aLiteral ? a : b;
  }
  return a;
}

// The path decides the template before the method is looked at, so DELETE …/incidents/unresolved
// is a wrong method for the unresolved list, not a delete of an incident named "unresolved".
function resolveTemplate(segments: readonly string[]): Template | undefined {
  let best: Template | undefined;
  for (const template of TEMPLATES) {
    if (fits(template, segments)) best = best === undefined ? template : moreSpecific(best, template);
  }
  return best;
}

/** The operation `METHOD path` names (method in any case), or undefined when it names none. */
export function findOperation(method: string, path: string): OperationMatch | undefined {
  const segments = segmentsOf(path);
  const template = resolveTemplate(segments);
  const operation = template?.operations.find((o) => o.method === method.toUpperCase());
  if (template === undefined || operation === undefined) return undefined;
  const params: Record<string, string> = {};
  template.names.forEach((name, i) => {
    const segment = segments[i];
    if (name !== undefined && segment !== undefined) params[name] = segment;
  });
  return { operation, params };
}

/** The methods the API offers for a concrete path, sorted; empty when no operation has that path. */
export function methodsFor(path: string): HttpMethod[] {
  return resolveTemplate(segmentsOf(path))?.operations.map((o) => o.method) ?? [];
}

/**
 * The operations nearest to `METHOD path`, best first, for a "did you mean" list.
 *
 * When the path is an operation's path, the answer is every operation on it (the method asked
 * for first, if it is one of them): the path was right and these are the methods it allows.
 * Otherwise, the n most similar paths, one operation each: the one with METHOD when the path
 * has it, else its GET, else its first.
 */
export function closestOperations(method: string, path: string, n = 3): Operation[] {
  const wanted = method.toUpperCase();
  const segments = segmentsOf(path);
  const exact = resolveTemplate(segments);
  if (exact) {
    return [...exact.operations].sort((a, b) => Number(b.method === wanted) - Number(a.method === wanted));
  }
  const asked = segments.join('/').toLowerCase();
  return TEMPLATES.map((template) => {
    const operation =
      template.operations.find((o) => o.method === wanted) ??
      template.operations.find((o) => o.method === 'GET') ??
      template.operations[0];
    const score = similarity(template, segments) + (operation?.method === wanted ? METHOD_BONUS : 0);
    return { operation, score, distance: editDistance(asked, instantiate(template, segments).toLowerCase()) };
  })
    .sort((a, b) => b.score - a.score || a.distance - b.distance)
    .slice(0, Math.max(0, n))
    .flatMap(({ operation }) => (operation ? [operation] : []));
}

// A {param} takes any segment, which says less about a path than a literal that matches.
const PARAM_SCORE = 0.5;
// Below this, two segments are different words rather than one word mistyped.
const LITERAL_FLOOR = 0.5;
// Enough to order paths that are about as close, not to put a worse path first.
const METHOD_BONUS = 0.1;

function segmentScore(literal: string | null, segment: string): number {
  if (segment === '') return 0;
  if (literal === null) return PARAM_SCORE;
  const a = literal.toLowerCase();
  const b = segment.toLowerCase();
  const score = 1 - editDistance(a, b) / Math.max(a.length, b.length);
  return score >= LITERAL_FLOOR ? score : 0;
}

/**
 * 0..1: the best alignment of the template's segments with the path's, in order, each segment
 * at most once, over the longer of the two, so that a missing or extra segment costs as much as
 * a wrong one. A forgotten /pages/{page_id} prefix still finds the pages below it.
 */
function similarity(template: Template, segments: readonly string[]): number {
  const rows = template.literals.length;
  const cols = segments.length;
  let previous = new Array<number>(cols + 1).fill(0);
  for (let i = 1; i <= rows; i++) {
    const current = new Array<number>(cols + 1).fill(0);
    for (let j = 1; j <= cols; j++) {
      const pair = segmentScore(template.literals[i - 1] ?? null, segments[j - 1] ?? '');
      current[j] = Math.max(previous[j] ?? 0, current[j - 1] ?? 0, (previous[j - 1] ?? 0) + pair);
    }
    previous = current;
  }
  return (previous[cols] ?? 0) / Math.max(rows, cols);
}

/** The template with each {param} replaced by the path's segment in its place, if there is one. */
function instantiate(template: Template, segments: readonly string[]): string {
  return template.literals.map((literal, i) => literal ?? segments[i] ?? `{${template.names[i]}}`).join('/');
}

/** Edit distance counting a swap of two adjacent characters as one edit, the commonest typo. */
function editDistance(a: string, b: string): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] ?? 0) + 1);
      current.push(d);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}
