// Which component gets which status: names matched against the page's component list, groups
// expanded to their members, and each component once. Pure, and every refusal is a usage error
// raised before anything is sent.
import type { ComponentStatus } from '../../api/constants.js';
import type { Component } from '../../api/schemas.js';
import { assertNoCommaInName, matchComponent } from '../../cli/resolve-components.js';
import { UsageError } from '../../errors.js';
import type { NamedComponent } from './options.js';

export interface Step {
  component: Component;
  /** The status it has now, as the list shows it. */
  from: string;
  to: ComponentStatus;
}

/** One step per component, in the order named (a group's members in page order). */
export function planSteps(named: readonly NamedComponent[], components: readonly Component[]): Step[] {
  assertNoCommaInName(named, components, '');
  const chosen = new Map<string, { step: Step; given: string }>();
  for (const item of named) {
    const match = matchComponent(item.ref, components, '');
    // A group's own status follows its members: only they are set.
    const members = match.group ? components.filter((c) => c.group_id === match.id && !c.group) : [match];
    if (members.length === 0)
      throw new UsageError(`'${match.name}' (${match.id}) is a component group with no components`);
    const given = describe(item, Boolean(match.group));
    for (const component of members) {
      const earlier = chosen.get(component.id);
      if (earlier && earlier.step.to !== item.status) {
        // Which one was meant cannot be guessed; either could show the wrong status.
        throw new UsageError(
          `${earlier.given} and ${given} both set '${component.name}' (${component.id}), to ${earlier.step.to} and to ${item.status}; give it one status`,
        );
      }
      if (earlier) continue;
      chosen.set(component.id, { step: { component, from: component.status || 'unknown', to: item.status }, given });
    }
  }
  return [...chosen.values()].map(({ step }) => step);
}

/** `'API=major_outage'`, `'Core' (-s operational, a group)`: an argument as an error quotes it. */
function describe(item: NamedComponent, group: boolean): string {
  const notes = [...(item.fromFlag ? [`-s ${item.status}`] : []), ...(group ? ['a group'] : [])];
  const text = item.fromFlag ? item.ref : `${item.ref}=${item.status}`;
  return `'${text}'${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

export const changes = (step: Step): boolean => step.from !== step.to;
