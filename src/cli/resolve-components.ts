// Turns `-c` refs (IDs or names) into component IDs. Refs shaped like Statuspage IDs are
// used as they are, so the common case costs no request; anything else costs exactly one
// paginated read of the page's components, shared by all refs of the command. A group's name
// stands for its components (as for set-component): a group's own status follows theirs.
import { COMPONENT_STATUSES } from '../api/constants.js';
import type { Component, ComponentStatus } from '../api/schemas.js';
import { UsageError } from '../errors.js';
import { matchByName, type NamedKind } from './match-name.js';
import type { ComponentRef } from './option-schemas.js';
import { listAllComponents } from './read-all.js';
import type { Session } from './session.js';

export interface ResolvedComponent {
  id: string;
  status?: ComponentStatus;
}

// Statuspage IDs are 12 lowercase letters and digits. A ref of that shape is trusted as an ID
// only when it has a digit: 12-letter lowercase names ("notification", "integrations") are
// common enough that guessing them to be IDs would send a request the API refuses. A real ID
// without a digit still works; it merely costs the one lookup.
const STATUSPAGE_ID = /^(?=[a-z]*[0-9])[a-z0-9]{12}$/;

/** `page`: the page's components, when the caller has read them already. */
export async function resolveComponents(
  refs: readonly ComponentRef[],
  session: Session,
  page?: readonly Component[],
): Promise<ResolvedComponent[]> {
  if (refs.length === 0) return [];
  // With the page read anyway, IDs are matched too: a group's ID stands for its components.
  const needsLookup = page !== undefined || refs.some((r) => !STATUSPAGE_ID.test(r.ref));
  const known = needsLookup ? (page ?? (await lookUpComponents(refs, session))) : [];
  assertNoCommaInName(refs, known);
  const byId = new Map<string, ResolvedComponent & { ref: string }>();
  for (const ref of refs) {
    const match = needsLookup ? matchComponent(ref.ref, known) : undefined;
    for (const component of match ? membersOf(match, known) : [undefined]) {
      const id = component?.id ?? ref.ref;
      const earlier = byId.get(id);
      if (earlier && earlier.status !== ref.status) {
        // Which one was meant cannot be guessed; sending either could show the wrong status.
        const what = (r: { ref: string; status?: string | undefined }) =>
          `'${r.ref}' (${r.status ?? 'no status given'})`;
        throw new UsageError(
          `--components ${what(earlier)} and ${what(ref)} both name ${component ? `'${component.name}' (${id})` : id}; give it once, with one status`,
        );
      }
      byId.set(id, ref.status === undefined ? { id, ref: ref.ref } : { id, ref: ref.ref, status: ref.status });
    }
  }
  return [...byId.values()].map(({ id, status }) => (status === undefined ? { id } : { id, status }));
}

/** A component, or a group's components in page order. */
function membersOf(match: Component, components: readonly Component[]): Component[] {
  if (!match.group) return [match];
  const members = components.filter((c) => c.group_id === match.id && !c.group);
  if (members.length === 0) {
    throw new UsageError(`--components '${match.name}' (${match.id}) is a component group with no components`);
  }
  return members;
}

async function lookUpComponents(refs: readonly ComponentRef[], session: Session): Promise<Component[]> {
  const names = refs.filter((r) => !STATUSPAGE_ID.test(r.ref)).map((r) => `'${r.ref}'`);
  return session.readingFor(`--components ${names.join(', ')}: finding components by name reads the page`, () =>
    listAllComponents(session),
  );
}

/**
 * A comma separates names, but a component may have one in its name ("Payments, EU"): reading
 * `-c "Payments, EU"` as two names would broadcast the wrong components. Such an argument is
 * refused when a component is named like the whole of it; its ID says which was meant.
 */
export function assertNoCommaInName(
  refs: ReadonlyArray<{ typed?: string | undefined }>,
  components: readonly Component[],
  source = '--components',
): void {
  const withComma = components.filter((c) => c.name.includes(','));
  if (withComma.length === 0) return;
  for (const { typed } of refs) {
    if (typed === undefined) continue;
    // The whole argument, less a trailing =STATUS: `Payments, EU=major_outage`.
    const text = typed.trim().toLowerCase();
    const eq = text.lastIndexOf('=');
    const whole =
      eq !== -1 && COMPONENT_STATUSES.includes(text.slice(eq + 1).trim() as ComponentStatus)
        ? text.slice(0, eq).trim()
        : text;
    const named = withComma.find((c) => c.name.trim().toLowerCase() === whole);
    if (named) {
      throw new UsageError(
        `${source ? `${source} ` : ''}'${typed}': a comma separates names, and a component is named '${named.name}' (${named.id}); name it by its ID, ${named.id}`,
      );
    }
  }
}

const COMPONENTS: NamedKind = { flag: '--components', noun: 'component', plural: 'components' };

/** `source` names where the ref came from in the error: the flag, or '' for an argument. */
export function matchComponent(ref: string, components: readonly Component[], source = '--components'): Component {
  return matchByName(ref, components, { ...COMPONENTS, flag: source });
}
