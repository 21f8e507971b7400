// What a new sandbox page starts with: a name, a few components and a group, a template, and
// subscriber counts for the preview to show. `--seed FILE` (JSON) replaces it.
import { COMPONENT_STATUSES } from '../api/constants.js';
import type { Component } from '../api/schemas.js';
import * as z from '../zod.js';
import { PageExtras } from './extras.js';
import { PageModel, sandboxId } from './model.js';

export const seedSchema = z.strictObject({
  page: z.optional(z.strictObject({ name: z.string().check(z.minLength(1), z.maxLength(100)) })),
  /** Components in page order; `group` names the group a component belongs to (created as needed). */
  components: z.optional(
    z
      .array(
        z.strictObject({
          name: z.string().check(z.minLength(1), z.maxLength(100)),
          status: z.optional(z.enum(COMPONENT_STATUSES)),
          group: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
          description: z.optional(z.string().check(z.maxLength(500))),
        }),
      )
      .check(z.maxLength(500)),
  ),
  templates: z.optional(
    z.array(
      z.strictObject({
        name: z.string().check(z.minLength(1)),
        title: z.string().check(z.minLength(1)),
        body: z.string(),
        status: z.optional(z.string()),
        components: z.optional(z.array(z.string())),
        notify: z.optional(z.boolean()),
      }),
    ),
  ),
  /** Subscribers by type: email, sms, webhook, slack, teams, integration_partner. */
  subscribers: z.optional(z.record(z.string(), z.number().check(z.int(), z.gte(0)))),
});
export type Seed = z.infer<typeof seedSchema>;

export const DEFAULT_SEED: Seed = {
  page: { name: 'Sandbox Status' },
  components: [
    { name: 'API' },
    { name: 'Website' },
    { name: 'Database', group: 'Infrastructure' },
    { name: 'CDN Edge', group: 'Infrastructure' },
    { name: 'Email Delivery' },
  ],
  templates: [
    {
      name: 'API outage',
      title: 'Elevated API error rates',
      body: 'We are investigating elevated error rates on the API in {{region}}.',
      status: 'investigating',
      components: ['API'],
      notify: true,
    },
  ],
  subscribers: { email: 1234, sms: 56, webhook: 7 },
};

export const SANDBOX_PAGE_ID = 'sbx000000001';

/** A page built from a seed: components (groups first where named), templates, subscriber counts. */
export function pageFromSeed(seed: Seed): { model: PageModel; extras: PageExtras } {
  const components: Component[] = [];
  const at = '2024-01-01T00:00:00.000Z';
  const groups = new Map<string, Component>();
  const next = () => sandboxId('cmp', components.length + 1);
  for (const given of seed.components ?? []) {
    let groupId: string | null = null;
    if (given.group !== undefined) {
      let group = groups.get(given.group);
      if (!group) {
        group = {
          id: next(),
          name: given.group,
          group: true,
          group_id: null,
          status: 'operational',
          position: components.length + 1,
          description: null,
          created_at: at,
          updated_at: at,
        };
        groups.set(given.group, group);
        components.push(group);
      }
      groupId = group.id;
    }
    components.push({
      id: next(),
      name: given.name,
      status: given.status ?? 'operational',
      group: false,
      group_id: groupId,
      position: components.length + 1,
      description: given.description ?? null,
      created_at: at,
      updated_at: at,
    });
  }
  const model = new PageModel({ pageId: SANDBOX_PAGE_ID, pageName: seed.page?.name ?? 'Sandbox Status', components });
  const extras = new PageExtras(model);
  for (const template of seed.templates ?? []) {
    const ids = (template.components ?? []).map((name) => {
      const found = components.find((c) => !c.group && c.name.toLowerCase() === name.toLowerCase());
      if (!found) throw new Error(`template '${template.name}' names no component '${name}'`);
      return found.id;
    });
    extras.addTemplate({
      name: template.name,
      title: template.title,
      body: template.body,
      update_status: template.status ?? null,
      should_send_notifications: template.notify ?? true,
      component_ids: ids,
    });
  }
  Object.assign(extras.subscriberCounts, seed.subscribers ?? {});
  return { model, extras };
}
