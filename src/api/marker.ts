// The CLI's own mark on the incidents it creates, kept in the incident's `metadata` (which the
// API keeps as an object of objects). A unique request ID tells an unconfirmed create's incident
// apart from any other with certainty; a dedup key finds the open incident a script made before.
import { randomUUID } from 'node:crypto';
import type { Incident } from './schemas.js';

export const MARKER_KEY = 'statuspage_cli';

export interface Marker {
  request_id: string;
  dedup_key?: string;
}

/** A fresh mark for one create: a new request ID, and the dedup key when one was given. */
export function newMarker(dedupKey: string | undefined): Marker {
  return dedupKey === undefined ? { request_id: randomUUID() } : { request_id: randomUUID(), dedup_key: dedupKey };
}

export function markerMetadata(marker: Marker): Record<string, Record<string, unknown>> {
  return { [MARKER_KEY]: { ...marker } };
}

/** The mark on an incident, if it carries one (the CLI made it, and the API kept its metadata). */
export function markerOf(incident: Pick<Incident, 'metadata'>): Partial<Marker> | undefined {
  const value = incident.metadata?.[MARKER_KEY];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { request_id, dedup_key } = value as Record<string, unknown>;
  const marker: Partial<Marker> = {};
  if (typeof request_id === 'string') marker.request_id = request_id;
  if (typeof dedup_key === 'string') marker.dedup_key = dedup_key;
  return marker;
}
