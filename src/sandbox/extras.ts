// The sandbox's routes beyond incidents and components, from the official spec: incident
// templates, editing a posted update, postmortems, and subscribers (for `statuspage api` and the
// count a preview shows). Bodies are validated as every route validates them; their state lives
// here, HTTP in server.ts, which calls `route` first.

import { editIncidentUpdateBodySchema, postmortemDraftBodySchema, postmortemPublishBodySchema } from '../api/bodies.js';
import type { Component } from '../api/schemas.js';
import * as z from '../zod.js';
import { type PageModel, type SandboxIncident, sandboxId } from './model.js';

export interface SandboxTemplate {
  id: string;
  name: string;
  title: string;
  body: string;
  group_id: string | null;
  update_status: string | null;
  should_tweet: boolean;
  should_send_notifications: boolean;
  components: Component[];
}

export interface SandboxPostmortem {
  preview_key: string;
  body: string | null;
  body_updated_at: string | null;
  body_draft: string | null;
  body_draft_updated_at: string | null;
  published_at: string | null;
  notify_subscribers: boolean;
  notify_twitter: boolean;
  custom_tweet: string | null;
  created_at: string;
  updated_at: string;
}

export interface SandboxSubscriber {
  id: string;
  mode: string;
  email: string;
  skip_confirmation_notification: boolean;
  quarantined_at: null;
  purge_at: null;
  components: string[];
  created_at: string;
}

/** What a route needs of the fake around it. */
export interface RouteContext {
  method: string;
  query: Record<string, string>;
  /** Validates the body with zod and the spec (422 and a recorded error on failure). */
  validate<T>(schema: z.ZodMiniType<T>, specMethod: string, specPath: string): T;
  incident(id: string): SandboxIncident;
  fail(status: number, body: unknown): Error;
  notAllowed(): Error;
  now(): number;
}

export type Reply = { status: number; body: unknown };

// `api` sends what it is given, so these schemas accept what the spec does and leave the rest
// to the spec's own validation where the tests have it.
const subscriberBodySchema = z.object({
  subscriber: z.looseObject({ email: z.optional(z.string()) }),
});

const undefinedBody = z.undefined();

const MAX_PER_PAGE = 100;

function positiveInt(value: string | undefined, fallback: number): number {
  const n = value === undefined ? Number.NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 1 ? n : fallback;
}

/** Postmortems are for resolved incidents only, as the API has it. */
const CLOSED = new Set(['resolved', 'completed']);

/** The extras as JSON, for a state file. */
export interface ExtrasSnapshot {
  templates: SandboxTemplate[];
  postmortems: [string, SandboxPostmortem][];
  subscribers: SandboxSubscriber[];
  /** Subscribers counted by type beyond those listed (a seed's "1,234 e-mail"). */
  subscriberCounts: Record<string, number>;
  sequence: { template: number; subscriber: number };
}

export class PageExtras {
  readonly templates: SandboxTemplate[] = [];
  readonly postmortems = new Map<string, SandboxPostmortem>();
  readonly subscribers: SandboxSubscriber[] = [];
  readonly subscriberCounts: Record<string, number> = {};
  private templateSeq = 0;
  private subscriberSeq = 0;

  constructor(private readonly model: PageModel) {}

  private get components(): readonly Component[] {
    return this.model.components;
  }

  snapshot(): ExtrasSnapshot {
    return structuredClone({
      templates: this.templates,
      postmortems: [...this.postmortems.entries()],
      subscribers: this.subscribers,
      subscriberCounts: this.subscriberCounts,
      sequence: { template: this.templateSeq, subscriber: this.subscriberSeq },
    });
  }

  restore(snapshot: ExtrasSnapshot): void {
    this.templates.push(...snapshot.templates);
    for (const [id, postmortem] of snapshot.postmortems) this.postmortems.set(id, postmortem);
    this.subscribers.push(...snapshot.subscribers);
    Object.assign(this.subscriberCounts, snapshot.subscriberCounts);
    this.templateSeq = snapshot.sequence.template;
    this.subscriberSeq = snapshot.sequence.subscriber;
  }

  addTemplate(
    partial: Partial<Omit<SandboxTemplate, 'components'>> & { component_ids?: string[] } = {},
  ): SandboxTemplate {
    const { component_ids = [], ...rest } = partial;
    const template: SandboxTemplate = {
      id: sandboxId('tpl', ++this.templateSeq),
      name: `Template ${this.templateSeq}`,
      title: 'Seeded template',
      body: '',
      group_id: null,
      update_status: 'investigating',
      should_tweet: false,
      should_send_notifications: true,
      ...rest,
      components: component_ids.map((id) => {
        const component = this.components.find((c) => c.id === id);
        if (!component) throw new Error(`addTemplate: no component ${id}`);
        return { ...component };
      }),
    };
    this.templates.push(template);
    return template;
  }

  addSubscribers(count: number): SandboxSubscriber[] {
    const added = Array.from({ length: count }, () => {
      const n = ++this.subscriberSeq;
      return {
        id: sandboxId('sub', n),
        mode: n % 3 === 0 ? 'webhook' : 'email',
        email: `subscriber${n}@example.com`,
        skip_confirmation_notification: false,
        quarantined_at: null,
        purge_at: null,
        components: [],
        created_at: '2024-01-01T00:00:00.000Z',
      };
    });
    this.subscribers.push(...added);
    return added;
  }

  /** Seeds a postmortem on an incident. */
  setPostmortem(incident: SandboxIncident, partial: Partial<SandboxPostmortem> = {}): SandboxPostmortem {
    const at = '2024-01-01T00:00:00.000Z';
    const postmortem: SandboxPostmortem = {
      preview_key: `pk${incident.id}`,
      body: null,
      body_updated_at: null,
      body_draft: null,
      body_draft_updated_at: null,
      published_at: null,
      notify_subscribers: false,
      notify_twitter: false,
      custom_tweet: null,
      created_at: at,
      updated_at: at,
      ...partial,
    };
    this.postmortems.set(incident.id, postmortem);
    this.mirror(incident, postmortem);
    return postmortem;
  }

  /** Segments below /pages/{page_id}/; undefined: not one of these routes. */
  route(ctx: RouteContext, segments: readonly string[]): Reply | undefined {
    const [collection, id, sub, subId, ...rest] = segments;
    if (collection === 'incident_templates' && id === undefined) {
      if (ctx.method !== 'GET') throw ctx.notAllowed();
      const perPage = Math.min(positiveInt(ctx.query.per_page, MAX_PER_PAGE), MAX_PER_PAGE);
      const page = positiveInt(ctx.query.page, 1);
      return { status: 200, body: this.templates.slice((page - 1) * perPage, page * perPage) };
    }
    if (collection === 'incidents' && id !== undefined && sub === 'incident_updates' && subId !== undefined) {
      if (rest.length > 0) return undefined;
      return this.editUpdate(ctx, ctx.incident(id), subId);
    }
    if (collection === 'incidents' && id !== undefined && sub === 'postmortem') {
      if (rest.length > 0) return undefined;
      return this.postmortem(ctx, ctx.incident(id), subId);
    }
    if (collection === 'subscribers') {
      if (sub !== undefined) return undefined;
      return this.subscriberRoute(ctx, id);
    }
    return undefined;
  }

  private editUpdate(ctx: RouteContext, incident: SandboxIncident, updateId: string): Reply {
    if (ctx.method !== 'PATCH' && ctx.method !== 'PUT') throw ctx.notAllowed();
    const update = incident.incident_updates.find((u) => u.id === updateId);
    if (!update) throw ctx.fail(404, { message: 'The requested resource could not be found.' });
    const template = '/pages/{page_id}/incidents/{incident_id}/incident_updates/{incident_update_id}';
    const { incident_update: fields } = ctx.validate(editIncidentUpdateBodySchema, ctx.method, template);
    if (fields.body !== undefined) update.body = fields.body;
    if (fields.display_at !== undefined) update.display_at = new Date(fields.display_at).toISOString();
    if (fields.wants_twitter_update !== undefined) update.wants_twitter_update = fields.wants_twitter_update;
    update.updated_at = new Date(ctx.now()).toISOString();
    return { status: 200, body: update };
  }

  private postmortem(ctx: RouteContext, incident: SandboxIncident, action: string | undefined): Reply {
    const path = '/pages/{page_id}/incidents/{incident_id}/postmortem';
    const existing = this.postmortems.get(incident.id);
    const at = new Date(ctx.now()).toISOString();
    const notFound = () => ctx.fail(404, { message: 'The requested resource could not be found.' });
    const mustBeResolved = () => {
      if (!CLOSED.has(incident.status)) {
        throw ctx.fail(422, { error: 'A postmortem can only be written for a resolved incident' });
      }
    };
    if (action === undefined) {
      if (ctx.method === 'GET') {
        if (!existing) throw notFound();
        return { status: 200, body: existing };
      }
      if (ctx.method === 'PUT') {
        const { postmortem } = ctx.validate(postmortemDraftBodySchema, 'PUT', path);
        mustBeResolved();
        const saved = existing ?? this.setPostmortem(incident, { created_at: at });
        saved.body_draft = postmortem.body_draft;
        saved.body_draft_updated_at = at;
        saved.updated_at = at;
        return { status: 200, body: saved };
      }
      if (ctx.method === 'DELETE') {
        if (!existing) throw notFound();
        this.postmortems.delete(incident.id);
        this.mirror(incident, undefined);
        return { status: 204, body: undefined };
      }
      throw ctx.notAllowed();
    }
    if (ctx.method !== 'PUT') throw ctx.notAllowed();
    if (action === 'publish') {
      const { postmortem } = ctx.validate(postmortemPublishBodySchema, 'PUT', `${path}/publish`);
      mustBeResolved();
      if (!existing?.body_draft) throw ctx.fail(422, { error: 'There is no draft to publish' });
      existing.body = existing.body_draft;
      existing.body_updated_at = at;
      existing.published_at = at;
      existing.notify_subscribers = postmortem.notify_subscribers ?? false;
      existing.notify_twitter = postmortem.notify_twitter ?? false;
      existing.custom_tweet = postmortem.custom_tweet ?? null;
      existing.updated_at = at;
      this.mirror(incident, existing);
      if (existing.notify_subscribers) this.model.notify('postmortem', incident, existing.body ?? '', []);
      return { status: 200, body: existing };
    }
    if (action === 'revert') {
      ctx.validate(undefinedBody, 'PUT', `${path}/revert`);
      mustBeResolved();
      if (!existing) throw notFound();
      existing.published_at = null;
      existing.updated_at = at;
      this.mirror(incident, existing);
      return { status: 200, body: existing };
    }
    throw ctx.fail(404, { error: 'Not found' });
  }

  /** What the incident itself says of its postmortem, as the API shows it. */
  private mirror(incident: SandboxIncident, postmortem: SandboxPostmortem | undefined): void {
    const fields = incident as unknown as Record<string, unknown>;
    fields.postmortem_body = postmortem?.published_at ? postmortem.body : null;
    fields.postmortem_published_at = postmortem?.published_at ?? null;
    fields.postmortem_notified_subscribers = postmortem?.published_at ? postmortem.notify_subscribers : false;
  }

  private subscriberRoute(ctx: RouteContext, id: string | undefined): Reply {
    if (id === 'count') {
      if (ctx.method !== 'GET') throw ctx.notAllowed();
      const count: Record<string, number> = {
        email: 0,
        sms: 0,
        webhook: 0,
        integration_partner: 0,
        slack: 0,
        teams: 0,
        ...this.subscriberCounts,
      };
      for (const s of this.subscribers) count[s.mode] = (count[s.mode] ?? 0) + 1;
      return { status: 200, body: count };
    }
    if (id !== undefined) {
      const subscriber = this.subscribers.find((s) => s.id === id);
      if (!subscriber) throw ctx.fail(404, { message: 'The requested resource could not be found.' });
      if (ctx.method === 'GET') return { status: 200, body: subscriber };
      throw ctx.notAllowed();
    }
    if (ctx.method === 'GET') {
      // The spec: "The first page is page 0, the second page 1"; limit is the page size.
      const limit = Math.min(positiveInt(ctx.query.limit, MAX_PER_PAGE), MAX_PER_PAGE);
      const page = Number.parseInt(ctx.query.page ?? '0', 10);
      const start = (Number.isFinite(page) && page >= 0 ? page : 0) * limit;
      return { status: 200, body: this.subscribers.slice(start, start + limit) };
    }
    if (ctx.method === 'POST') {
      const { subscriber } = ctx.validate(subscriberBodySchema, 'POST', '/pages/{page_id}/subscribers');
      const [created] = this.addSubscribers(1);
      if (!created) throw new Error('unreachable');
      if (subscriber.email !== undefined) created.email = subscriber.email;
      return { status: 201, body: created };
    }
    throw ctx.notAllowed();
  }
}
