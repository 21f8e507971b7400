// What `statuspage api` sends: the path below the API URL with {page} filled in, the -f/-F
// fields as a JSON body or (for GET) as query parameters, and the ApiRequest itself. Pure.
import type { ApiRequest, HttpMethod } from '../../api/endpoints.js';
import { UsageError } from '../../errors.js';
import type { Field, FieldValue } from './fields.js';

const PAGE_PLACEHOLDER = /\{page(?:_id)?\}/g;

export interface ApiPath {
  /** Percent-encoded, with a leading slash, without the query. */
  path: string;
  /** From a `?query` written in PATH. */
  query: Record<string, string>;
}

/** Whether PATH names the page ({page} or {page_id}), which then must be given. */
export function usesPage(given: string): boolean {
  return /\{page(?:_id)?\}/.test(given);
}

export function apiPath(given: string, pageId: string | undefined): ApiPath {
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.exec(given);
  if (url) {
    const below = /\/v1(\/.*)?$/.exec(given.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, ''));
    const hint = below
      ? `: drop '${given.slice(0, given.length - (below[1] ?? '').length)}' and give ${below[1] ?? '/'}`
      : '';
    throw new UsageError(`PATH '${given}' is a full URL; give the path below the API URL ($STATUSPAGE_API_URL)${hint}`);
  }
  if (/^\/?v1(?:\/|$|\?)/.test(given)) {
    const rest = given.replace(/^\/?v1/, '') || '/';
    throw new UsageError(`PATH '${given}': drop '/v1', the API URL ends with it already: ${rest}`);
  }
  if (given.includes('#')) throw new UsageError(`PATH '${given}' must not contain '#'`);
  const [rawPath = '', rawQuery] = splitOnce(given, '?');
  const filled = rawPath.replace(PAGE_PLACEHOLDER, () => {
    if (pageId === undefined) throw new Error('apiPath: the page is needed but was not given');
    return encodeURIComponent(pageId);
  });
  const unfilled = /\{[^}]*\}/.exec(filled);
  if (unfilled) {
    throw new UsageError(
      `PATH '${given}' has '${unfilled[0]}': put the ID in its place (only {page} and {page_id} are filled in)`,
    );
  }
  const path = `/${filled.replace(/^\/+/, '')}`.split('/').map(encodeSegment).join('/');
  return { path, query: rawQuery === undefined ? {} : queryOf(rawQuery, given) };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** A segment as typed may be encoded already (%20) or not (a space): the same either way. */
function encodeSegment(segment: string): string {
  try {
    return encodeURIComponent(decodeURIComponent(segment));
  } catch {
    return encodeURIComponent(segment);
  }
}

function queryOf(text: string, given: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(query, key)) throw new UsageError(`PATH '${given}' gives the query parameter '${key}' twice`);
    query[key] = value;
  }
  return query;
}

/** For GET: each field a query parameter, named as typed. */
export function fieldsAsQuery(fields: readonly Field[], query: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = { ...query };
  for (const field of fields) {
    if (Object.hasOwn(out, field.key)) {
      throw new UsageError(`${field.flag} '${field.key}': a GET takes each query parameter once here`);
    }
    out[field.key] = field.value === null ? '' : String(field.value);
  }
  return out;
}

type Json = FieldValue | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The fields as one JSON object; a key given twice, or as both a value and an object, is an error. */
export function fieldsAsBody(fields: readonly Field[]): JsonObject {
  // Objects without a prototype: a key named __proto__ is then a key like any other.
  const root: JsonObject = Object.create(null);
  for (const field of fields) {
    const conflict = () =>
      new UsageError(
        `${field.flag} '${field.key}' conflicts with another field that sets '${field.path[0]}' differently`,
      );
    const append = field.path.at(-1) === '';
    const names = append ? field.path.slice(0, -1) : field.path;
    let node = root;
    for (const name of names.slice(0, -1)) {
      const child = node[name];
      if (child === undefined) node[name] = Object.create(null) as JsonObject;
      else if (!isObject(child)) throw conflict();
      node = node[name] as JsonObject;
    }
    const last = names.at(-1) as string;
    if (append) {
      const list = node[last];
      if (list === undefined) node[last] = [field.value];
      else if (Array.isArray(list)) list.push(field.value);
      else throw conflict();
    } else if (Object.hasOwn(node, last)) {
      throw new UsageError(
        `${field.flag} '${field.key}' is given twice; give it once (or use ${field.key}[] for a list)`,
      );
    } else {
      node[last] = field.value;
    }
  }
  return root;
}

/**
 * The request. A write through `api` is one the CLI cannot look for after an ambiguous
 * failure, so it is never resent then (a rate limit is still retried: nothing was done).
 */
export function apiRequest(method: HttpMethod, target: ApiPath, body: unknown): ApiRequest<unknown>;
export function apiRequest<T>(
  method: HttpMethod,
  target: ApiPath,
  body: unknown,
  parse: (json: unknown) => T,
): ApiRequest<T>;
export function apiRequest(
  method: HttpMethod,
  target: ApiPath,
  body: unknown,
  parse: (json: unknown) => unknown = (json) => json,
): ApiRequest<unknown> {
  const req: ApiRequest<unknown> = { method, path: target.path, parse };
  if (Object.keys(target.query).length > 0) req.query = target.query;
  if (body !== undefined) req.body = body;
  if (method !== 'GET') {
    req.idempotent = false;
    req.exitByStatus = true;
    req.interrupted = `interrupted after ${method} ${target.path} was sent; it may have been applied`;
  }
  return req;
}
