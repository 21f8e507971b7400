// The last look before a broadcast, as text for stderr: what subscribers will read (the page, the
// incident's name and status, each component's change, the window, the message as written) and
// how many of them will be notified. cli/last-look.ts gathers it; this only lays it out.
import type { SubscriberCount } from '../api/schemas.js';

export interface PreviewView {
  page: { id: string; name?: string | null | undefined };
  kind: 'incident' | 'maintenance';
  /** The incident an update changes; none for a create. */
  incidentId?: string;
  name: { from?: string; to?: string };
  status: { from?: string; to?: string };
  /** The window, as a person reads it (formatWindow). */
  window?: string;
  /** `to` undefined: attached, its status left as it is. */
  components: { name: string; from?: string; to?: string }[];
  message?: string;
  /** A write that is not an incident's: its method and path. */
  request?: string;
  audience: { notified: false } | { notified: true; count: SubscriberCount | undefined };
}

const LABEL_WIDTH = 12;
/** The kinds of subscriber, in the order they are counted out. */
const SUBSCRIBER_TYPES = ['email', 'sms', 'webhook', 'slack', 'teams', 'integration_partner'] as const;
const TYPE_NAMES: Record<(typeof SUBSCRIBER_TYPES)[number], string> = {
  email: 'e-mail',
  sms: 'SMS',
  webhook: 'webhook',
  slack: 'Slack',
  teams: 'Teams',
  integration_partner: 'integration partner',
};

const number = (n: number) => n.toLocaleString('en-US');

/** `1,297 subscribers: 1,234 e-mail, 56 SMS, 7 webhook`; `no subscribers` when there are none. */
export function describeAudience(count: SubscriberCount): string {
  const parts = SUBSCRIBER_TYPES.flatMap((type) => {
    const n = count[type];
    return n ? [`${number(n)} ${TYPE_NAMES[type]}`] : [];
  });
  const total = SUBSCRIBER_TYPES.reduce((sum, type) => sum + (count[type] ?? 0), 0);
  if (total === 0) return 'no subscribers';
  return `${number(total)} subscriber${total === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/** `old → new`, or the one that is known. */
const change = ({ from, to }: { from?: string | undefined; to?: string | undefined }): string | undefined =>
  from !== undefined && to !== undefined && from !== to ? `${from} → ${to}` : (to ?? from);

export function renderPreview(view: PreviewView): string {
  const lines: string[] = [
    `About to post to ${view.page.name ? `${view.page.name} (${view.page.id})` : view.page.id}:`,
  ];
  const field = (label: string, text: string) => {
    const [first = '', ...rest] = text.split('\n');
    lines.push(`  ${label.padEnd(LABEL_WIDTH)}${first}`);
    for (const line of rest) lines.push(line === '' ? '' : `  ${' '.repeat(LABEL_WIDTH)}${line}`);
  };
  if (view.request) field('Request', view.request);
  const label = view.kind === 'maintenance' ? 'Maintenance' : 'Incident';
  const name = change(view.name);
  if (name !== undefined || view.incidentId !== undefined) {
    field(label, `${name ?? ''}${view.incidentId ? ` (${view.incidentId})` : ' (new)'}`.trim());
  }
  const status = change(view.status);
  if (status !== undefined) field('Status', status);
  if (view.window) field('Window', view.window);
  if (view.components.length > 0) {
    field(
      'Components',
      view.components
        .map((c) =>
          c.to === undefined
            ? `${c.name}: ${c.from ?? 'status unknown'} (not changed now)`
            : `${c.name}: ${change(c) ?? c.to}`,
        )
        .join('\n'),
    );
  }
  if (!view.request || view.message !== undefined) field('Message', view.message ?? '(none)');
  const { audience } = view;
  field(
    'Notifies',
    !audience.notified
      ? 'nobody: subscribers will not be notified'
      : audience.count
        ? describeAudience(audience.count)
        : 'subscribers (count unavailable)',
  );
  return lines.join('\n');
}
