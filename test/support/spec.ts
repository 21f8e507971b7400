// Validates request (and response) bodies against the official Statuspage OpenAPI 3.0 description.
//
// The spec is read at test time from outside the repository (it is never copied in):
//   $STATUSPAGE_OPENAPI_SPEC, or else <repo>/../shared/statuspage-api/openapi.patched.json.
// When the file is absent, `specAvailable` is false, `specSkipReason` says why, and only the
// rules the spec states in prose (see checkProseRules) are checked.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { COMPONENT_STATUSES, INCIDENT_BODY_MAX, INCIDENT_NAME_MAX } from '../../src/api/schemas.js';

const addFormats = addFormatsModule.default;

// Compiled to build/test/support/spec.js: four levels up is the directory that holds the repo.
const DEFAULT_SPEC_URL = new URL('../../../../shared/statuspage-api/openapi.patched.json', import.meta.url);

/** Absolute path of the spec file this module uses (whether or not it exists). */
export const specPath: string = process.env.STATUSPAGE_OPENAPI_SPEC
  ? resolve(process.env.STATUSPAGE_OPENAPI_SPEC)
  : fileURLToPath(DEFAULT_SPEC_URL);

/** True when the spec file exists; a file that exists but is not JSON makes this module throw. */
export const specAvailable: boolean = existsSync(specPath);

/** Why spec validation is skipped, for `t.skip(specSkipReason)`; undefined when the spec is available. */
export const specSkipReason: string | undefined = specAvailable
  ? undefined
  : `openapi.patched.json not found at ${specPath}: spec validation skipped`;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SPEC_ID = 'https://statuspage.test/openapi.json';

let spec: JsonObject | undefined;
if (specAvailable) {
  const text = readFileSync(specPath, 'utf8');
  try {
    spec = JSON.parse(text) as JsonObject;
  } catch (error) {
    throw new Error(`${specPath} exists but is not valid JSON: ${(error as Error).message}`);
  }
}

/** The parsed spec (read-only use, please), or undefined when it is not available. */
export function loadSpec(): Readonly<JsonObject> | undefined {
  return spec;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * OpenAPI 3.0 `nullable: true` is not JSON Schema: turn it into a `null` type (and a `null`
 * enum member) on a deep copy. (The Statuspage spec currently has no `nullable` at all.)
 */
function openApiToJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(openApiToJsonSchema);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = openApiToJsonSchema(value);
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (Array.isArray(out.type) && !out.type.includes('null')) out.type = [...out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  return out;
}

let ajv: Ajv | undefined;
function getAjv(): Ajv {
  if (ajv) return ajv;
  if (!spec) throw new Error(specSkipReason);
  // strict: false — the document is full of OpenAPI-only keywords (example, x-*, ...).
  ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
  addFormats(ajv);
  ajv.addSchema({ ...(openApiToJsonSchema(spec) as JsonObject), $id: SPEC_ID });
  return ajv;
}

/** Escapes one JSON-pointer segment and percent-encodes it for use in a URI fragment. */
const pointerSegment = (segment: string): string =>
  encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));

/** Follows a local `#/...` $ref inside the spec (only used for requestBodies/responses objects). */
function follow(node: Json | undefined, pointer: string[]): { node: Json | undefined; pointer: string[] } {
  let current = node;
  let at = pointer;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < 10; hops++) {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
    at = ref
      .slice(2)
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    current = at.reduce<Json | undefined>((n, key) => (isObject(n) ? n[key] : undefined), spec);
  }
  return { node: current, pointer: at };
}

function operation(method: string, pathTemplate: string): JsonObject {
  if (!spec) throw new Error(specSkipReason);
  const paths = spec.paths;
  const item = isObject(paths) ? paths[pathTemplate] : undefined;
  const op = isObject(item) ? item[method.toLowerCase()] : undefined;
  if (!isObject(op)) throw new Error(`the spec has no operation ${method.toUpperCase()} ${pathTemplate}`);
  return op;
}

const validators = new Map<string, ValidateFunction | null>();

function compileAt(pointer: string[]): ValidateFunction {
  return getAjv().compile({ $ref: `${SPEC_ID}#/${pointer.map(pointerSegment).join('/')}` });
}

function formatErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const where = e.instancePath === '' ? '(body)' : e.instancePath;
    const allowed =
      e.keyword === 'enum'
        ? `: ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
        : '';
    return `${where} ${e.message ?? e.keyword}${allowed}`;
  });
}

/**
 * Rules the spec states only in prose: `incident.name` ≤ 255 and `incident.body` ≤ 25 000
 * characters, and every value of the `incident.components` map is a component status.
 * Applies to bodies with an `incident` object (create/update incident); others pass.
 */
export function checkProseRules(body: unknown): string[] {
  if (!isObject(body) || !isObject(body.incident)) return [];
  const incident = body.incident;
  const errors: string[] = [];
  // The API counts characters; JS .length counts UTF-16 units (the zod schema uses .length).
  if (typeof incident.name === 'string' && [...incident.name].length > INCIDENT_NAME_MAX) {
    errors.push(`/incident/name must have at most ${INCIDENT_NAME_MAX} characters (prose rule)`);
  }
  if (typeof incident.body === 'string' && [...incident.body].length > INCIDENT_BODY_MAX) {
    errors.push(`/incident/body must have at most ${INCIDENT_BODY_MAX} characters (prose rule)`);
  }
  if (isObject(incident.components)) {
    for (const [id, status] of Object.entries(incident.components)) {
      if (!(COMPONENT_STATUSES as readonly Json[]).includes(status)) {
        errors.push(
          `/incident/components/${pointerSegment(id)} must be one of ${COMPONENT_STATUSES.join(', ')} (prose rule), got ${JSON.stringify(status)}`,
        );
      }
    }
  }
  return errors;
}

/**
 * Validates a request body against the requestBody schema of `METHOD pathTemplate`
 * (e.g. 'POST', '/pages/{page_id}/incidents'), plus checkProseRules.
 * Returns error strings; empty when valid. Without the spec only the prose rules are checked.
 * Throws when the spec has no such operation.
 */
export function validateAgainstSpec(method: string, pathTemplate: string, body: unknown): string[] {
  const prose = checkProseRules(body);
  if (!spec) return prose;
  const key = `request ${method.toUpperCase()} ${pathTemplate}`;
  let validate = validators.get(key);
  if (validate === undefined) {
    const op = operation(method, pathTemplate);
    const base = ['paths', pathTemplate, method.toLowerCase(), 'requestBody'];
    const requestBody = follow(op.requestBody, base);
    const content = isObject(requestBody.node) ? requestBody.node.content : undefined;
    const media = isObject(content) ? content['application/json'] : undefined;
    validate =
      isObject(media) && media.schema !== undefined
        ? compileAt([...requestBody.pointer, 'content', 'application/json', 'schema'])
        : null;
    validators.set(key, validate);
    if (validate === null && body !== undefined) return [`${key}: the spec defines no JSON request body`, ...prose];
  }
  if (validate === null) return prose;
  if (body === undefined) return ['(body) is required', ...prose];
  return validate(body) ? prose : [...formatErrors(validate.errors), ...prose];
}

/** Drops null-valued object properties, recursively (the spec declares nothing nullable). */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

/**
 * Validates a response body against the spec's schema for `METHOD pathTemplate` answering `status`.
 * The spec marks no field nullable although the API sends null for unset fields (resolved_at, ...),
 * so null-valued properties are ignored unless `ignoreNulls` is false.
 * Returns [] when the spec is unavailable. Throws when the spec has no such operation/response.
 */
export function validateResponseAgainstSpec(
  method: string,
  pathTemplate: string,
  status: number,
  body: unknown,
  options: { ignoreNulls?: boolean } = {},
): string[] {
  if (!spec) return [];
  const key = `response ${method.toUpperCase()} ${pathTemplate} ${status}`;
  let validate = validators.get(key);
  if (validate === undefined) {
    const op = operation(method, pathTemplate);
    const responses = isObject(op.responses) ? op.responses : {};
    const base = ['paths', pathTemplate, method.toLowerCase(), 'responses', String(status)];
    const response = follow(responses[String(status)], base);
    if (!isObject(response.node))
      throw new Error(`the spec has no ${status} response for ${method.toUpperCase()} ${pathTemplate}`);
    const content = response.node.content;
    const media = isObject(content) ? content['application/json'] : undefined;
    validate =
      isObject(media) && media.schema !== undefined
        ? compileAt([...response.pointer, 'content', 'application/json', 'schema'])
        : null;
    validators.set(key, validate);
  }
  if (validate === null) return [];
  const data = options.ignoreNulls === false ? body : withoutNulls(body);
  return validate(data) ? [] : formatErrors(validate.errors);
}
