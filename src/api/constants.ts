// The API's fixed values and limits, kept free of zod: command registration (and so
// `--help`) needs them, and must not pay for building the schemas in schemas.ts.
export const DEFAULT_API_URL = 'https://api.statuspage.io/v1';
export const INCIDENT_NAME_MAX = 255;
export const INCIDENT_BODY_MAX = 25_000;

/**
 * Characters as the API counts them for those limits: it is a Rails application, and Ruby's
 * String#length counts code points, so an emoji outside the BMP is one character, not
 * JavaScript's two UTF-16 units.
 */
export function characters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export const REALTIME_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed'] as const;
export const INCIDENT_STATUSES = [...REALTIME_STATUSES, ...MAINTENANCE_STATUSES] as const;
export const IMPACTS = ['none', 'maintenance', 'minor', 'major', 'critical'] as const;
export const COMPONENT_STATUSES = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
] as const;

export type RealtimeStatus = (typeof REALTIME_STATUSES)[number];
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export type Impact = (typeof IMPACTS)[number];
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

export function isMaintenanceStatus(status: string): status is MaintenanceStatus {
  return (MAINTENANCE_STATUSES as readonly string[]).includes(status);
}

/**
 * A maintenance has a maintenance status or a scheduled start. Impact says nothing about the
 * kind: a realtime incident may be given impact "maintenance", and must still be resolved.
 */
export function isMaintenance(incident: { status: string; scheduled_for?: string | null | undefined }): boolean {
  return isMaintenanceStatus(incident.status) || Boolean(incident.scheduled_for);
}
