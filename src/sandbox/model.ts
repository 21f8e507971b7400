// The page a sandbox (and the test suite's fake Statuspage) serves: its components and incidents,
// and the rules the API follows for creating, updating and listing incidents. No HTTP here.
import {
  type Component,
  type ComponentStatus,
  type Impact,
  type Incident,
  type IncidentFields,
  isMaintenanceStatus,
} from '../api/schemas.js';

export type IncidentListKind = 'all' | 'unresolved' | 'scheduled' | 'active_maintenance' | 'upcoming';

/** A 12-character id: a 3-letter prefix and a zero-padded counter, e.g. `cmp000000001`. */
export const sandboxId = (prefix: string, n: number): string =>
  `${prefix}${String(n).padStart(12 - prefix.length, '0')}`;

/** `count` operational components named `Component 1`…, ids `cmp000000001`…, positions 1…. */
export function makeComponents(count: number, pageId = 'pg0000000001'): Component[] {
  return Array.from({ length: count }, (_, i) => ({
    id: sandboxId('cmp', i + 1),
    page_id: pageId,
    group_id: null,
    group: false,
    name: `Component ${i + 1}`,
    description: null,
    position: i + 1,
    status: 'operational',
    showcase: true,
    only_show_if_degraded: false,
    automation_email: `component+${sandboxId('cmp', i + 1)}@notifications.statuspage.io`,
    start_date: null,
    created_at: '2024-01-01T00:00:00.000Z',
    updated_at: '2024-01-01T00:00:00.000Z',
  }));
}

export function defaultComponents(pageId: string): Component[] {
  const names = ['API', 'Website', 'Database', 'Email Delivery'];
  return makeComponents(names.length, pageId).map((c, i) => ({ ...c, name: names[i] ?? c.name }));
}

interface AffectedComponent {
  code: string;
  name: string;
  old_status: string;
  new_status: string;
}

export interface SandboxIncidentUpdate {
  id: string;
  incident_id: string;
  status: string;
  body: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  deliver_notifications: boolean;
  affected_components: AffectedComponent[];
  custom_tweet: null;
  tweet_id: null;
  twitter_updated_at: null;
  wants_twitter_update: boolean;
}

/** A component as listed inside an incident (a copy of the page's component). */
export type SandboxIncidentComponent = { id: string; name: string; status: string; [key: string]: unknown };

/** What the fake stores for an incident: an `Incident` with every field the real API returns. */
export type SandboxIncident = Incident & {
  components: SandboxIncidentComponent[];
  incident_updates: SandboxIncidentUpdate[];
  impact: string;
  impact_override: string | null;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  monitoring_at: string | null;
  scheduled_for: string | null;
  scheduled_until: string | null;
  page_id: string;
  shortlink: string;
};

const IMPACT_OF_STATUS: Record<string, Impact> = {
  major_outage: 'critical',
  partial_outage: 'major',
  degraded_performance: 'minor',
  under_maintenance: 'maintenance',
  operational: 'none',
};
const IMPACT_RANK: readonly string[] = ['none', 'maintenance', 'minor', 'major', 'critical'];

/** What subscribers would have been sent: an incident created, or an update posted, that notifies. */
export interface Notification {
  at: string;
  kind: 'created' | 'updated' | 'postmortem';
  incident: { id: string; name: string };
  status: string;
  body: string;
  components: { name: string; from: string; to: string }[];
}

/** Everything a page model holds, as JSON: what a sandbox keeps in its state file. */
export interface ModelSnapshot {
  page: Record<string, unknown>;
  components: Component[];
  incidents: SandboxIncident[];
  notifications: Notification[];
  sequence: { incident: number; update: number };
}

export interface PageModelOptions {
  pageId: string;
  pageName?: string | undefined;
  components?: Component[] | undefined;
  /** How far this page's clock is ahead of the machine's (negative: behind). */
  clockOffsetMs?: number | undefined;
  /** Incident lists leave out incidents created less than this long ago, as a lagging read replica would. */
  listLagMs?: number | undefined;
}

/** What Statuspage posts when a window starts or ends by itself. */
const AUTOMATIC_UPDATES: Partial<Record<string, string>> = {
  in_progress: 'Scheduled maintenance is currently in progress. We will provide updates as necessary.',
  completed: 'The scheduled maintenance has been completed.',
};

export class PageModel {
  readonly incidents = new Map<string, Incident>();
  readonly components: Component[];
  readonly page: Record<string, unknown>;
  readonly notifications: Notification[] = [];
  readonly pageId: string;
  readonly clockOffsetMs: number;
  readonly listLagMs: number;
  private incidentSeq = 0;
  private updateSeq = 0;

  constructor(options: PageModelOptions) {
    const { pageId, components } = options;
    this.pageId = pageId;
    this.clockOffsetMs = options.clockOffsetMs ?? 0;
    this.listLagMs = options.listLagMs ?? 0;
    this.components = (components ?? defaultComponents(pageId)).map((c, i) => ({
      page_id: pageId,
      group: false,
      group_id: null,
      description: null,
      status: 'operational',
      position: i + 1,
      ...c,
    }));
    const name = options.pageName ?? 'Fake Status';
    const subdomain =
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'status';
    this.page = {
      id: pageId,
      name,
      subdomain,
      domain: null,
      url: `https://${subdomain}.example.com`,
      time_zone: 'Etc/UTC',
      created_at: '2024-01-01T00:00:00.000Z',
      updated_at: '2024-01-01T00:00:00.000Z',
    };
  }

  /** The model as JSON, for a state file. */
  snapshot(): ModelSnapshot {
    return structuredClone({
      page: this.page,
      components: this.components,
      incidents: [...this.incidents.values()] as SandboxIncident[],
      notifications: this.notifications,
      sequence: { incident: this.incidentSeq, update: this.updateSeq },
    });
  }

  /** A model holding what `snapshot` returned. */
  static fromSnapshot(snapshot: ModelSnapshot): PageModel {
    const model = new PageModel({ pageId: String(snapshot.page.id), components: snapshot.components });
    Object.assign(model.page, snapshot.page);
    for (const incident of snapshot.incidents) model.incidents.set(incident.id, incident);
    model.notifications.push(...snapshot.notifications);
    model.incidentSeq = snapshot.sequence.incident;
    model.updateSeq = snapshot.sequence.update;
    return model;
  }

  /** Records what subscribers would be sent. */
  notify(
    kind: Notification['kind'],
    incident: SandboxIncident,
    body: string,
    affected: readonly AffectedComponent[],
  ): void {
    this.notifications.push({
      at: new Date(this.now()).toISOString(),
      kind,
      incident: { id: incident.id, name: incident.name },
      status: incident.status,
      body,
      components: affected.map((a) => ({ name: a.name, from: a.old_status, to: a.new_status })),
    });
  }

  /**
   * What Statuspage does by itself as time passes: a scheduled window that starts itself
   * (auto-start) goes in progress at its start, its components under maintenance; at its end its
   * components go back to operational (auto_transition_to_operational_state) and, with
   * auto-complete, it is completed. Neither posts a notification (the API notifies at a start or
   * an end only when asked to, which the CLI never asks). true when anything changed.
   */
  advance(): boolean {
    const now = this.now();
    const at = new Date(now).toISOString();
    let changed = false;
    for (const incident of this.incidents.values() as IterableIterator<SandboxIncident>) {
      const start = Date.parse(incident.scheduled_for ?? '');
      const end = Date.parse(incident.scheduled_until ?? '');
      if (incident.status === 'scheduled' && incident.scheduled_auto_in_progress && start <= now) {
        const held = incident.auto_transition_to_maintenance_state
          ? Object.fromEntries(incident.components.map((c) => [c.id, 'under_maintenance' as const]))
          : {};
        this.transition(incident, 'in_progress', held, at);
        changed = true;
      }
      const under = incident.status === 'in_progress' || incident.status === 'verifying';
      if (under && end <= now && (incident.scheduled_auto_completed || incident.auto_transition_to_operational_state)) {
        const restored = incident.auto_transition_to_operational_state
          ? Object.fromEntries(
              incident.components
                .filter((c) => this.component(c.id)?.status === 'under_maintenance')
                .map((c) => [c.id, 'operational' as const]),
            )
          : {};
        if (incident.scheduled_auto_completed) {
          this.transition(incident, 'completed', restored, at);
        } else if (Object.keys(restored).length > 0) {
          this.addUpdate(incident, '', false, this.applyComponentStatuses(restored, at), at);
          // Restored once: the window stays in progress until someone completes it.
          incident.auto_transition_to_operational_state = false;
        }
        changed = true;
      }
    }
    return changed;
  }

  private transition(
    incident: SandboxIncident,
    status: SandboxIncident['status'],
    components: Record<string, ComponentStatus>,
    at: string,
  ): void {
    const affected = this.applyComponentStatuses(components, at);
    incident.status = status;
    incident.updated_at = at;
    this.setStatusTimestamps(incident, at);
    this.addUpdate(incident, AUTOMATIC_UPDATES[status] ?? '', false, affected, at);
  }

  /** The page's clock: what created_at and the Date header say. */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  /** Every incident, its components as they are now. */
  all(): SandboxIncident[] {
    const all = [...this.incidents.values()] as SandboxIncident[];
    for (const incident of all) this.refresh(incident);
    return all;
  }

  component(id: string): Component | undefined {
    return this.components.find((c) => c.id === id);
  }

  incident(id: string): SandboxIncident | undefined {
    const incident = this.incidents.get(id) as SandboxIncident | undefined;
    if (incident) this.refresh(incident);
    return incident;
  }

  /** An incident lists its components with their status now, as the API shows them. */
  private refresh(incident: SandboxIncident): void {
    for (const listed of incident.components) {
      const component = this.component(listed.id);
      if (component) listed.status = component.status ?? 'operational';
    }
  }

  private nextIncidentId(): string {
    let id: string;
    do id = sandboxId('inc', ++this.incidentSeq);
    while (this.incidents.has(id));
    return id;
  }

  /** Component ids named by `component_ids` or `components` that the page does not have. */
  unknownComponentIds(fields: IncidentFields): string[] {
    const ids = [...(fields.component_ids ?? []), ...Object.keys(fields.components ?? {})];
    return [...new Set(ids)].filter((id) => !this.component(id));
  }

  /** Applies a component status map to the page; returns the changes, for the incident update. */
  private applyComponentStatuses(
    statuses: Record<string, ComponentStatus> | undefined,
    at: string,
  ): AffectedComponent[] {
    const affected: AffectedComponent[] = [];
    for (const [id, status] of Object.entries(statuses ?? {})) {
      const component = this.component(id);
      if (!component) continue;
      affected.push({
        code: id,
        name: component.name,
        old_status: component.status ?? 'operational',
        new_status: status,
      });
      component.status = status;
      component.updated_at = at;
    }
    return affected;
  }

  private incidentComponents(ids: Iterable<string>): SandboxIncidentComponent[] {
    return [...new Set(ids)].flatMap((id) => {
      const component = this.component(id);
      return component ? [{ ...component, status: component.status ?? 'operational' }] : [];
    });
  }

  private deriveImpact(incident: SandboxIncident): string {
    if (incident.impact_override) return incident.impact_override;
    if (incident.scheduled_for || isMaintenanceStatus(incident.status)) return 'maintenance';
    let best = 'none';
    for (const c of incident.components) {
      const impact = IMPACT_OF_STATUS[c.status ?? ''] ?? 'none';
      if (IMPACT_RANK.indexOf(impact) > IMPACT_RANK.indexOf(best)) best = impact;
    }
    return best;
  }

  private addUpdate(
    incident: SandboxIncident,
    body: string,
    deliver: boolean,
    affected: AffectedComponent[],
    at: string,
  ): void {
    incident.incident_updates.unshift({
      id: sandboxId('upd', ++this.updateSeq),
      incident_id: incident.id,
      status: incident.status,
      body,
      created_at: at,
      updated_at: at,
      display_at: at,
      deliver_notifications: deliver,
      affected_components: affected,
      custom_tweet: null,
      tweet_id: null,
      twitter_updated_at: null,
      wants_twitter_update: false,
    });
  }

  private setStatusTimestamps(incident: SandboxIncident, at: string): void {
    if (incident.status === 'monitoring' && !incident.monitoring_at) incident.monitoring_at = at;
    if ((incident.status === 'resolved' || incident.status === 'completed') && !incident.resolved_at)
      incident.resolved_at = at;
  }

  /** Creates an incident from an already-validated `incident` object (call unknownComponentIds first). */
  createIncident(fields: IncidentFields & { name: string }): SandboxIncident {
    const at = new Date(this.now()).toISOString();
    const id = this.nextIncidentId();
    const affected = this.applyComponentStatuses(fields.components, at);
    const incident: SandboxIncident = {
      id,
      name: fields.name,
      status: fields.status ?? (fields.scheduled_for ? 'scheduled' : 'investigating'),
      impact: 'none',
      impact_override: fields.impact_override ?? null,
      created_at: at,
      updated_at: at,
      monitoring_at: null,
      resolved_at: null,
      scheduled_for: fields.scheduled_for ?? null,
      scheduled_until: fields.scheduled_until ?? null,
      scheduled_remind_prior: fields.scheduled_remind_prior ?? false,
      scheduled_reminded_at: null,
      scheduled_auto_in_progress: fields.scheduled_auto_in_progress ?? false,
      scheduled_auto_completed: fields.scheduled_auto_completed ?? false,
      auto_transition_to_maintenance_state: fields.auto_transition_to_maintenance_state ?? false,
      auto_transition_to_operational_state: fields.auto_transition_to_operational_state ?? false,
      auto_transition_deliver_notifications_at_start: false,
      auto_transition_deliver_notifications_at_end: false,
      page_id: this.pageId,
      shortlink: `https://stspg.io/${id.slice(-6)}`,
      postmortem_body: null,
      postmortem_body_last_updated_at: null,
      postmortem_ignored: false,
      postmortem_notified_subscribers: false,
      postmortem_notified_twitter: false,
      postmortem_published_at: null,
      reminder_intervals: null,
      metadata: fields.metadata ?? {},
      incident_impacts: [],
      components: this.incidentComponents([...(fields.component_ids ?? []), ...Object.keys(fields.components ?? {})]),
      incident_updates: [],
    };
    incident.impact = this.deriveImpact(incident);
    this.setStatusTimestamps(incident, at);
    const deliver = fields.deliver_notifications ?? true;
    this.addUpdate(incident, fields.body ?? '', deliver, affected, at);
    this.incidents.set(id, incident);
    if (deliver) this.notify('created', incident, fields.body ?? '', affected);
    return incident;
  }

  /** Merges an already-validated `incident` object into an existing incident (PATCH/PUT). */
  updateIncident(incident: SandboxIncident, fields: IncidentFields): SandboxIncident {
    const at = new Date(this.now()).toISOString();
    const previousStatus = incident.status;
    const affected = this.applyComponentStatuses(fields.components, at);
    const { body, components, component_ids, deliver_notifications, metadata, ...scalars } = fields;
    Object.assign(incident, scalars);
    // The API merges metadata by its top-level keys.
    if (metadata !== undefined) incident.metadata = { ...(incident.metadata as object | undefined), ...metadata };
    if (component_ids !== undefined || components !== undefined) {
      const base = component_ids ?? incident.components.map((c) => c.id);
      incident.components = this.incidentComponents([...base, ...Object.keys(components ?? {})]);
    } else {
      incident.components = this.incidentComponents(incident.components.map((c) => c.id));
    }
    incident.impact = this.deriveImpact(incident);
    incident.updated_at = at;
    this.setStatusTimestamps(incident, at);
    const deliver = deliver_notifications ?? true;
    const posted = body !== undefined || incident.status !== previousStatus;
    if (posted || affected.length > 0) this.addUpdate(incident, body ?? '', deliver, affected, at);
    if (posted && deliver) this.notify('updated', incident, body ?? '', affected);
    return incident;
  }

  /** Seeds an incident as if it already existed; page component statuses are left alone. */
  addIncident(partial: Partial<Incident> = {}): SandboxIncident {
    const at = new Date(this.now()).toISOString();
    const id = partial.id ?? this.nextIncidentId();
    const status = partial.status ?? (partial.scheduled_for ? 'scheduled' : 'investigating');
    const components = (partial.components ?? []).map((c): SandboxIncidentComponent => {
      const known = this.component(c.id);
      return {
        ...known,
        ...c,
        name: c.name ?? known?.name ?? c.id,
        status: c.status ?? known?.status ?? 'operational',
      };
    });
    const incident = {
      id,
      name: 'Seeded incident',
      status,
      impact_override: null,
      created_at: at,
      updated_at: at,
      monitoring_at: null,
      resolved_at: status === 'resolved' || status === 'completed' ? at : null,
      scheduled_for: null,
      scheduled_until: null,
      page_id: this.pageId,
      shortlink: `https://stspg.io/${id.slice(-6)}`,
      postmortem_body: null,
      metadata: {},
      incident_updates: [],
      ...partial,
      components,
    } as unknown as SandboxIncident;
    incident.impact = partial.impact ?? this.deriveImpact(incident);
    if (incident.incident_updates.length === 0) this.addUpdate(incident, '', true, [], incident.created_at);
    this.incidents.set(id, incident);
    return incident;
  }

  deleteIncident(id: string): SandboxIncident | undefined {
    const incident = this.incident(id);
    this.incidents.delete(id);
    return incident;
  }

  /** Lists incidents of one kind, paginated; `q` searches name, status, postmortem and update bodies. */
  listIncidents(
    kind: IncidentListKind,
    options: { q?: string | undefined; page: number; perPage: number },
  ): SandboxIncident[] {
    const startOf = (i: SandboxIncident) => Date.parse(i.scheduled_for ?? i.created_at);
    // Newest first; later insertions win ties (several incidents can share a millisecond).
    const visibleFrom = this.now() - this.listLagMs;
    let list = ([...this.incidents.values()].reverse() as SandboxIncident[]).filter(
      (i) => this.listLagMs === 0 || Date.parse(i.created_at) <= visibleFrom,
    );
    list.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
    switch (kind) {
      case 'unresolved':
        list = list.filter((i) => ['investigating', 'identified', 'monitoring'].includes(i.status));
        break;
      case 'scheduled':
        list = list.filter((i) => i.status === 'scheduled').sort((a, b) => startOf(a) - startOf(b));
        break;
      case 'upcoming':
        list = list
          .filter((i) => i.status === 'scheduled' && (!i.scheduled_for || Date.parse(i.scheduled_for) >= Date.now()))
          .sort((a, b) => startOf(a) - startOf(b));
        break;
      case 'active_maintenance':
        list = list.filter((i) => i.status === 'in_progress' || i.status === 'verifying');
        break;
      case 'all':
        break;
    }
    const q = options.q?.trim().toLowerCase();
    if (q) {
      list = list.filter((i) =>
        [i.name, i.status, String(i.postmortem_body ?? ''), ...i.incident_updates.map((u) => u.body ?? '')].some(
          (text) => text.toLowerCase().includes(q),
        ),
      );
    }
    const start = (options.page - 1) * options.perPage;
    const shown = list.slice(start, start + options.perPage);
    for (const incident of shown) this.refresh(incident);
    return shown;
  }

  /** A component's own fields changed (PATCH/PUT of the component); incidents keep their updates. */
  updateComponent(component: Component, fields: { status?: ComponentStatus }): Component {
    if (fields.status !== undefined) component.status = fields.status;
    component.updated_at = new Date(this.now()).toISOString();
    return component;
  }

  /** One page of the component list, in position order. */
  listComponents(page: number, perPage: number): Component[] {
    const sorted = [...this.components].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
    return sorted.slice((page - 1) * perPage, page * perPage);
  }
}
