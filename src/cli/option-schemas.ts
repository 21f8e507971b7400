// zod pieces shared by the commands' option schemas.
import * as z from 'zod';
import { COMPONENT_STATUSES, type ComponentStatus, INCIDENT_BODY_MAX, INCIDENT_NAME_MAX } from '../api/constants.js';
import { UsageError } from '../errors.js';

// A run parses each schema once or twice. zod's JIT compiles an object schema into a parser
// with `new Function` on first use, which costs milliseconds more than it ever saves here.
// Every command's options extend this module's schemas, so this runs before any parse.
z.config({ jitless: true });

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
const ID_HINT = "only letters, digits, '_' and '-' are allowed";

/** IDs go into URL paths: anything else is refused before sending. */
export const idSchema = z.string().trim().min(1, 'must not be empty').regex(ID_PATTERN, ID_HINT);

export const titleSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(INCIDENT_NAME_MAX, `is longer than ${INCIDENT_NAME_MAX} characters`);

export const messageSchema = z.string().max(INCIDENT_BODY_MAX, `is longer than ${INCIDENT_BODY_MAX} characters`);

export const componentStatusSchema = z.enum(COMPONENT_STATUSES);

/** A key the CLI stores in the incident's metadata; printable text, so a script can pass a name. */
export const dedupKeySchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(255, 'is longer than 255 characters')
  .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');

/** One `-c` item: a component ID or name, optionally with its own status (`API=degraded_performance`). */
export interface ComponentRef {
  ref: string;
  status?: ComponentStatus;
}

const componentStatusSet = new Set<string>(COMPONENT_STATUSES);

/** `-c a b`, `-c a,b`, `-c a=major_outage`: every form gives a flat list of refs. */
export const componentRefsSchema = z.array(z.string()).transform((items, ctx): ComponentRef[] => {
  const refs: ComponentRef[] = [];
  for (const item of items.flatMap((i) => i.split(','))) {
    const text = item.trim();
    if (text === '') continue;
    const eq = text.lastIndexOf('=');
    const ref = (eq === -1 ? text : text.slice(0, eq)).trim();
    const status = eq === -1 ? undefined : text.slice(eq + 1).trim();
    if (ref === '') {
      ctx.addIssue({ code: 'custom', message: `'${text}' names no component` });
      return z.NEVER;
    }
    if (status !== undefined && !componentStatusSet.has(status)) {
      ctx.addIssue({
        code: 'custom',
        message: `status '${status}' of '${ref}' is not allowed; use one of: ${COMPONENT_STATUSES.join(', ')}`,
      });
      return z.NEVER;
    }
    refs.push(status === undefined ? { ref } : { ref, status: status as ComponentStatus });
  }
  return refs;
});

export const timeoutSchema = z.coerce
  .number({ message: 'must be a number of seconds' })
  .positive('must be more than 0 seconds')
  .max(3600, 'must be at most 3600 seconds');

export const maxRetriesSchema = z.coerce
  .number({ message: 'must be a whole number of retries' })
  .int('must be a whole number of retries')
  .min(0, 'must be 0 or more')
  .max(10, 'must be at most 10');

/** The options every API command takes; commands extend this with their own. */
export const commonOptionsSchema = z.object({
  token: z.string().optional(),
  page: idSchema.optional(),
  keychainUser: z.string().min(1).optional(),
  keychainService: z.string().min(1),
  ignoreSsl: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  json: z.boolean().default(false),
  quiet: z.boolean().default(false),
  verbose: z.boolean().default(false),
  timeout: timeoutSchema.default(30),
  maxRetries: maxRetriesSchema.default(3),
});
export type CommonOptions = z.infer<typeof commonOptionsSchema>;

export const COMMON_FLAG_NAMES = {
  token: '--token',
  page: '--page',
  keychainUser: '--keychain-user',
  keychainService: '--keychain-service',
  ignoreSsl: '--ignore-ssl',
  components: '--components',
  componentStatus: '--component-status',
  status: '--status',
  impact: '--impact',
  title: '--title',
  message: '--message',
  incident: '--incident',
  event: '--event',
  timeout: '--timeout',
  maxRetries: '--max-retries',
} as const;

/** --component-status says what to set; without --components there is nothing to set it on. */
export function assertComponentsForStatus(options: {
  componentStatus?: unknown;
  components: readonly unknown[];
}): void {
  if (options.componentStatus !== undefined && options.components.length === 0) {
    throw new UsageError('--component-status needs --components: name the components to change');
  }
}
