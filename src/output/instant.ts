// Instants as the reader sees them: in their own zone on a terminal; in UTC in a pipe, so that
// what a script captures does not depend on the machine it runs on.
import { formatInstant, localZone } from '../utils/time.js';
import type { Io } from './io.js';

export type InstantFormat = (iso: string | null | undefined) => string;

export function instantsFor(io: Io): InstantFormat {
  const zone = io.stdoutIsTTY ? localZone(io.env) : 'UTC';
  return (iso) => (iso ? formatInstant(iso, zone) : '');
}

/** `2026-12-10 01:00 UTC`: for documents that must read the same wherever they are made. */
export function utcMinute(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
