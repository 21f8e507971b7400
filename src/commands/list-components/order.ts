// The order a status page shows components in: top-level components and groups by position,
// each group followed by its members, again by position.
import type { Component } from '../../api/schemas.js';

export function pageOrder(components: readonly Component[]): Component[] {
  // Array.prototype.sort is stable: equal positions keep the API's order.
  const byPosition = [...components].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const groupIds = new Set(byPosition.filter((c) => c.group).map((c) => c.id));
  const members = new Map<string, Component[]>();
  const top: Component[] = [];
  for (const component of byPosition) {
    const groupId = component.group_id;
    if (groupId && groupIds.has(groupId) && groupId !== component.id) {
      members.set(groupId, [...(members.get(groupId) ?? []), component]);
    } else {
      top.push(component);
    }
  }
  return top.flatMap((c) => [c, ...(members.get(c.id) ?? [])]);
}
