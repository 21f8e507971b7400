// The status page a sandbox serves at `/`: what subscribers would see, rendered on the server as
// plain HTML and CSS. Every text from the API is HTML-escaped; the page refreshes itself.
import { isMaintenance } from '../api/constants.js';

/** What the page shows, as the API's objects describe it (loosely: the sandbox state's own objects). */
export interface PageView {
  page: { name?: string | null | undefined };
  components: readonly {
    id: string;
    name: string;
    status?: string | null | undefined;
    group?: boolean | null | undefined;
    group_id?: string | null | undefined;
    position?: number | null | undefined;
  }[];
  incidents: readonly {
    id: string;
    name: string;
    status: string;
    impact?: string | null | undefined;
    created_at?: string | null | undefined;
    resolved_at?: string | null | undefined;
    scheduled_for?: string | null | undefined;
    scheduled_until?: string | null | undefined;
    components?: readonly { id: string; name?: string | null | undefined }[] | null | undefined;
    incident_updates?:
      | readonly {
          status?: string | null | undefined;
          body?: string | null | undefined;
          display_at?: string | null | undefined;
          created_at?: string | null | undefined;
        }[]
      | null
      | undefined;
  }[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);

const SEVERITY = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'];
const LABEL: Record<string, string> = {
  operational: 'Operational',
  under_maintenance: 'Under Maintenance',
  degraded_performance: 'Degraded Performance',
  partial_outage: 'Partial Outage',
  major_outage: 'Major Outage',
};
const UNRESOLVED = new Set(['investigating', 'identified', 'monitoring']);
const ACTIVE_MAINTENANCE = new Set(['in_progress', 'verifying']);
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

const words = (status: string) => status.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
const when = (iso: string | null | undefined) => {
  const date = new Date(iso ?? '');
  return Number.isNaN(date.getTime()) ? '' : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
};

/** The banner: the worst component status decides, as on a real status page. */
export function overall(view: PageView): { text: string; tone: string } {
  const statuses = view.components.filter((c) => !c.group).map((c) => c.status ?? 'operational');
  const worst = statuses.reduce((a, b) => (SEVERITY.indexOf(b) > SEVERITY.indexOf(a) ? b : a), 'operational');
  if (worst === 'major_outage') return { text: 'Major Outage', tone: 'major_outage' };
  if (worst === 'partial_outage' || worst === 'degraded_performance') return { text: 'Partial Outage', tone: worst };
  if (worst === 'under_maintenance') return { text: 'Maintenance', tone: worst };
  return { text: 'All Systems Operational', tone: 'operational' };
}

function componentRow(c: PageView['components'][number]): string {
  const status = c.status ?? 'operational';
  return `<li class="component"><span class="name">${escapeHtml(c.name)}</span><span class="status ${escapeHtml(status)}">${escapeHtml(LABEL[status] ?? words(status))}</span></li>`;
}

function componentsSection(view: PageView): string {
  const byPosition = [...view.components].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const groups = new Map(byPosition.filter((c) => c.group).map((g) => [g.id, g]));
  const rows: string[] = [];
  for (const c of byPosition) {
    if (c.group_id && groups.has(c.group_id)) continue;
    if (!c.group) {
      rows.push(componentRow(c));
      continue;
    }
    const members = byPosition.filter((m) => m.group_id === c.id);
    rows.push(
      `<li class="group"><span class="name">${escapeHtml(c.name)}</span><ul>${members.map(componentRow).join('')}</ul></li>`,
    );
  }
  return `<section><h2>Components</h2><ul class="components">${rows.join('')}</ul></section>`;
}

function incidentCard(incident: PageView['incidents'][number]): string {
  const updates = [...(incident.incident_updates ?? [])].sort(
    (a, b) => Date.parse(b.display_at ?? b.created_at ?? '') - Date.parse(a.display_at ?? a.created_at ?? ''),
  );
  const affected = (incident.components ?? []).map((c) => escapeHtml(c.name ?? c.id)).join(', ');
  const window =
    incident.scheduled_for && incident.scheduled_until
      ? `<p class="window">Scheduled ${escapeHtml(when(incident.scheduled_for))} – ${escapeHtml(when(incident.scheduled_until))}</p>`
      : '';
  const items = updates
    .map(
      (u) =>
        `<li><strong>${escapeHtml(words(u.status ?? incident.status))}</strong> – <span class="body">${escapeHtml(u.body ?? '')}</span> <time>${escapeHtml(when(u.display_at ?? u.created_at))}</time></li>`,
    )
    .join('');
  return `<article class="incident impact-${escapeHtml(incident.impact ?? 'none')}"><h3>${escapeHtml(incident.name)}</h3>${window}${affected ? `<p class="affects">This affects: ${affected}</p>` : ''}<ul class="updates">${items}</ul></article>`;
}

function section(title: string, cls: string, incidents: PageView['incidents']): string {
  if (incidents.length === 0) return '';
  return `<section class="${cls}"><h2>${escapeHtml(title)}</h2>${incidents.map(incidentCard).join('')}</section>`;
}

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f5f6f8;color:#1f2430}
main{max-width:760px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 16px}h2{font-size:17px;margin:28px 0 8px}h3{margin:0 0 4px;font-size:16px}
.banner{padding:16px 20px;border-radius:6px;color:#fff;font-size:18px;font-weight:600}
.banner.operational{background:#2fcc66}.banner.degraded_performance{background:#f1c40f}
.banner.partial_outage{background:#e67e22}.banner.major_outage{background:#e74c3c}.banner.under_maintenance{background:#3498db}
ul{list-style:none;margin:0;padding:0}
.components{background:#fff;border:1px solid #e3e6eb;border-radius:6px}
.component,.group>.name{display:flex;justify-content:space-between;padding:12px 16px;border-top:1px solid #eef0f3}
.components>li:first-child>.name,.components>.component:first-child{border-top:0}
.group>.name{font-weight:600}.group ul .component{padding-left:32px}
.status.operational{color:#2fcc66}.status.degraded_performance{color:#c9a30a}.status.partial_outage{color:#e67e22}
.status.major_outage{color:#e74c3c}.status.under_maintenance{color:#3498db}
.incident{background:#fff;border:1px solid #e3e6eb;border-left:4px solid #e67e22;border-radius:6px;padding:12px 16px;margin:8px 0}
.incident.impact-critical{border-left-color:#e74c3c}.incident.impact-minor{border-left-color:#f1c40f}
.incident.impact-maintenance,.maintenance .incident{border-left-color:#3498db}
.updates li{margin:6px 0}.body{white-space:pre-wrap}time,.window,.affects{color:#6b7280;font-size:13px}
footer{color:#6b7280;font-size:12px;margin-top:32px}
`;

/** The whole page. `now` decides what counts as the last 7 days; `refreshSeconds` how often it reloads. */
export function renderStatusPage(view: PageView, now: number, refreshSeconds = 5): string {
  const banner = overall(view);
  const open = view.incidents.filter((i) => UNRESOLVED.has(i.status) && !isMaintenance(i));
  const active = view.incidents.filter((i) => ACTIVE_MAINTENANCE.has(i.status));
  const scheduled = view.incidents
    .filter((i) => i.status === 'scheduled')
    .sort((a, b) => Date.parse(a.scheduled_for ?? '') - Date.parse(b.scheduled_for ?? ''));
  const recent = view.incidents.filter(
    (i) =>
      (i.status === 'resolved' || i.status === 'completed') &&
      now - Date.parse(i.resolved_at ?? i.created_at ?? '') <= WEEK_MS,
  );
  const name = escapeHtml(view.page.name ?? 'Status');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="refresh" content="${refreshSeconds}"><title>${name} Status</title><style>${STYLE}</style></head>
<body><main>
<h1>${name}</h1>
<div class="banner ${banner.tone}" id="banner">${escapeHtml(banner.text)}</div>
${section('Active incidents', 'incidents', open)}
${section('Maintenance in progress', 'maintenance', active)}
${componentsSection(view)}
${section('Scheduled maintenance', 'maintenance scheduled', scheduled)}
${section('Past incidents (last 7 days)', 'past', recent)}
<footer>A statuspage sandbox: nothing here reached real subscribers. Refreshes every ${refreshSeconds} s.</footer>
</main></body></html>
`;
}
