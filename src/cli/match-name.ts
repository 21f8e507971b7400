// A thing the user names by ID or by name, as people type names: exact, then case- and
// space-insensitive, and when nothing matches, the close names as a "did you mean".
import { UsageError } from '../errors.js';

export interface Named {
  id: string;
  name?: string | null | undefined;
}

/** How the usage errors word what is looked for: `--components`, `component`, `components`. */
export interface NamedKind {
  /** The flag the ref came with; '' for an argument. */
  flag: string;
  noun: string;
  plural: string;
}

export function matchByName<T extends Named>(ref: string, items: readonly T[], kind: NamedKind): T {
  const byId = items.find((item) => item.id === ref);
  if (byId) return byId;
  const given = kind.flag ? `${kind.flag} '${ref}'` : `'${ref}'`;
  const wanted = normalize(ref);
  const exact = items.filter((item) => normalize(item.name ?? '') === wanted);
  if (exact.length === 1) return exact[0] as T;
  if (exact.length > 1) {
    throw new UsageError(`${given} matches ${exact.length} ${kind.plural}: ${list(exact)}; use an ID`);
  }
  const close = items.filter((item) => item.name && isClose(normalize(item.name), wanted)).slice(0, 5);
  throw new UsageError(
    `${given} is not a ${kind.noun} ID or name on this page${close.length ? `; did you mean: ${list(close)}` : ''}`,
  );
}

function normalize(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

function list(items: readonly Named[]): string {
  return items.map((item) => `'${item.name ?? ''}' (${item.id})`).join(', ');
}

function isClose(name: string, wanted: string): boolean {
  if (name.includes(wanted) || wanted.includes(name)) return true;
  return editDistance(name, wanted) <= Math.max(1, Math.floor(wanted.length / 4));
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
