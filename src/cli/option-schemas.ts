// zod pieces shared by the commands' option schemas: value schemas, one shape per flag group
// (cli/command-kit.ts declares the same groups for commander), and the rules that relate flags.
import {
  COMPONENT_STATUSES,
  type ComponentStatus,
  characters,
  INCIDENT_BODY_MAX,
  INCIDENT_NAME_MAX,
} from '../api/constants.js';
import { DEFAULT_KEYCHAIN_SERVICE } from '../auth/keychain.js';
import { hasControlCharacters } from '../output/io.js';
import { optionsParser } from '../utils/validate.js';
import { canonicalZone } from '../utils/zone.js';
import * as z from '../zod.js';

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
const ID_HINT = "only letters, digits, '_' and '-' are allowed";

/** IDs go into URL paths: anything else is refused before sending. */
export const idSchema = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.regex(ID_PATTERN, ID_HINT));

/**
 * Text typed on the command line: Node turns bytes that are not UTF-8 into U+FFFD, which would
 * then be sent as it is. A U+FFFD in an argument is almost surely that, so it is refused, as are
 * control characters (a file given with --message-file is sent exactly as written).
 */
export const argumentText = (max: number) =>
  z.string().check(
    z.refine((text) => characters(text) <= max, {
      error: (issue) => `is ${characters(String(issue.input))} characters long; at most ${max} are allowed`,
    }),
    z.refine(
      (text) => !text.includes('\uFFFD'),
      'contains U+FFFD, what bytes that are not UTF-8 become; give the text in UTF-8 (or use --message-file)',
    ),
    z.refine(
      (text) => !hasControlCharacters(text),
      'contains a control character (an escape sequence?), which is not sent',
    ),
  );

export const titleSchema = z.pipe(
  z.string().check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.refine((text) => !/[\t\n]/.test(text), 'must be one line: no newline or tab'),
  ),
  argumentText(INCIDENT_NAME_MAX),
);

export const messageSchema = argumentText(INCIDENT_BODY_MAX);

export const componentStatusSchema = z.enum(COMPONENT_STATUSES);

/** A key the CLI stores in the incident's metadata; printable text, so a script can pass a name. */
export const dedupKeySchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.maxLength(255, 'is longer than 255 characters'),
    z.regex(/^[^\p{Cc}]*$/u, 'must not contain control characters'),
  );

/** Ends a transform with an issue saying `message`, as a failed refinement does. */
export function failWith(ctx: z.core.ParsePayload, message: string): never {
  ctx.issues.push({ code: 'custom', message, input: ctx.value });
  return z.NEVER;
}

/** --tz: an IANA zone, kept as its canonical name (`europe/berlin` → `Europe/Berlin`). */
export const timeZoneSchema = z.pipe(
  z.string(),
  z.transform((name, ctx) => {
    const zone = canonicalZone(name);
    if (zone !== undefined) return zone;
    return failWith(
      ctx,
      `'${name}' is not a time zone; use an IANA name such as Europe/Berlin, America/New_York or UTC`,
    );
  }),
);

/** One `-c` item: a component ID or name, optionally with its own status (`API=degraded_performance`). */
export interface ComponentRef {
  ref: string;
  status?: ComponentStatus;
  /** The argument as typed, when a comma split it: a component may be named so (resolve-components.ts). */
  typed?: string;
}

const componentStatusSet = new Set<string>(COMPONENT_STATUSES);

/** `-c a b`, `-c a,b`, `-c a=major_outage`: every form gives a flat list of refs. */
export const componentRefsSchema = z.pipe(
  z.array(z.string()),
  z.transform((items, ctx): ComponentRef[] => {
    const refs: ComponentRef[] = [];
    for (const [item, typed] of items.flatMap((i) => i.split(',').map((part) => [part, i] as const))) {
      const text = item.trim();
      if (text === '') continue;
      const eq = text.lastIndexOf('=');
      const ref = (eq === -1 ? text : text.slice(0, eq)).trim();
      const status = eq === -1 ? undefined : text.slice(eq + 1).trim();
      if (ref === '') return failWith(ctx, `'${text}' names no component`);
      if (status !== undefined && !componentStatusSet.has(status)) {
        return failWith(
          ctx,
          `status '${status}' of '${ref}' is not allowed; use one of: ${COMPONENT_STATUSES.join(', ')}`,
        );
      }
      const split = typed.includes(',') ? { typed } : {};
      refs.push(status === undefined ? { ref, ...split } : { ref, status: status as ComponentStatus, ...split });
    }
    // `-c "$IDS"` with $IDS empty: the flag was given, and means something, so it names something.
    if (items.length > 0 && refs.length === 0) return failWith(ctx, `'${items.join(' ')}' names no component`);
    return refs;
  }),
);

type NumberChecks = Parameters<ReturnType<typeof z.number>['check']>;

/**
 * A number as a person types it: decimal digits, with a fraction where `fraction` (or the number
 * a default gives). Number() alone would take '' as 0, '0x10' as 16 and '1e3' as 1000.
 */
export function typedNumber(message: string, checks: NumberChecks, { fraction = false } = {}) {
  const pattern = fraction ? /^\d+(\.\d+)?$/ : /^\d+$/;
  return z.pipe(
    z.pipe(
      z.union([z.number(), z.string()]),
      z.transform((value, ctx) => {
        if (typeof value === 'number') return value;
        const text = value.trim();
        return pattern.test(text) ? Number(text) : failWith(ctx, message);
      }),
    ),
    z.number().check(...checks),
  );
}

export const timeoutSchema = typedNumber(
  'must be a number of seconds',
  [z.positive('must be more than 0 seconds'), z.lte(3600, 'must be at most 3600 seconds')],
  { fraction: true },
);

export const maxRetriesSchema = typedNumber('must be a whole number of retries', [
  z.gte(0, 'must be 0 or more'),
  z.lte(10, 'must be at most 10'),
]);

/** A profile's name in the config file. */
export const profileNameSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be letters, digits, and . _ - (at most 64)'));

/** --keychain-service, --keychain-user: which keychain entry holds the token. */
export const keychainShape = {
  keychainService: z._default(
    z.string().check(z.trim(), z.minLength(1, 'must not be empty')),
    DEFAULT_KEYCHAIN_SERVICE,
  ),
  keychainUser: z.optional(z.string().check(z.trim(), z.minLength(1, 'must not be empty'))),
};

/** --ignore-ssl, --timeout, --verbose: how requests are made. */
export const transportShape = {
  ignoreSsl: z._default(z.boolean(), false),
  allowHttp: z._default(z.boolean(), false),
  timeout: z._default(timeoutSchema, 30),
  verbose: z._default(z.boolean(), false),
};

/** What every command that talks to a page takes: the token, the page, and how to reach it. */
export const connectionShape = {
  token: z.optional(z.string()),
  // A page ID, or a page's name (looked up once): anything but empty.
  page: z.optional(z.string().check(z.trim(), z.minLength(1, 'must not be empty'))),
  profile: z.optional(profileNameSchema),
  ...keychainShape,
  ...transportShape,
  maxRetries: z._default(maxRetriesSchema, 3),
};

/** --json, -q, --no-input, and --dry-run and -y/--yes where the command writes. */
export const outputShape = {
  dryRun: z._default(z.boolean(), false),
  yes: z._default(z.boolean(), false),
  json: z._default(z.boolean(), false),
  quiet: z._default(z.boolean(), false),
  /** false with --no-input (commander's negated flag): never prompt. */
  input: z._default(z.boolean(), true),
};

/** -m / --message-file. */
export const messageShape = {
  message: z.optional(messageSchema),
  messageFile: z.optional(z.string()),
};

/** A template variable's name, as `{{name}}` writes it. */
export const TEMPLATE_VAR_NAME = /^[A-Za-z0-9_-]+$/;

export interface TemplateVar {
  name: string;
  value: string;
}

/** `--var name=value`, repeatable: the value of `{{name}}` in a template's title and message. */
export const templateVarsSchema = z.pipe(
  z.array(z.string()),
  z.transform((items, ctx): TemplateVar[] => {
    const vars: TemplateVar[] = [];
    for (const item of items) {
      const eq = item.indexOf('=');
      const name = eq === -1 ? '' : item.slice(0, eq).trim();
      const value = item.slice(eq + 1);
      const fail = (message: string) => failWith(ctx, message);
      if (eq === -1) return fail(`'${item}' is not NAME=VALUE (e.g. --var region=eu-west-1)`);
      if (!TEMPLATE_VAR_NAME.test(name)) {
        return fail(`'${name}' is not a placeholder name; use letters, digits, '_' and '-'`);
      }
      if (value.includes('\uFFFD')) {
        return fail(`the value of '${name}' contains U+FFFD, what bytes that are not UTF-8 become; give it in UTF-8`);
      }
      const earlier = vars.find((v) => v.name === name);
      if (earlier && earlier.value !== value) {
        return fail(`'${name}' is given twice ('${earlier.value}' and '${value}'); give it once`);
      }
      if (!earlier) vars.push({ name, value });
    }
    return vars;
  }),
);

/** --template NAME|ID|PATH and its --var values (cli/template.ts applies them). */
export const templateShape = {
  template: z.optional(z.string().check(z.trim(), z.minLength(1, 'must not be empty'))),
  var: z._default(templateVarsSchema, []),
};

/** --notify / --no-notify: undefined leaves it to the API (or the command's default). */
export const notifyShape = {
  notify: z.optional(z.boolean()),
};

/** A rule relating several flags: the whole usage-error line when broken, else undefined. */
export type CrossRule = (options: Record<string, unknown>) => string | undefined;

const SHARED_RULES: readonly CrossRule[] = [
  (o) => (o.json && o.quiet ? '--json and --quiet cannot be used together; choose one' : undefined),
  (o) =>
    o.message !== undefined && o.messageFile !== undefined
      ? '--message and --message-file cannot be used together; give one'
      : undefined,
  // --component-status says what to set; without --components there is nothing to set it on.
  // A template may name the components: cli/template.ts checks once it is read.
  (o) =>
    o.componentStatus !== undefined &&
    Array.isArray(o.components) &&
    o.components.length === 0 &&
    o.template === undefined
      ? '--component-status needs --components: name the components to change'
      : undefined,
  (o) =>
    Array.isArray(o.var) && o.var.length > 0 && o.template === undefined
      ? '--var needs --template: it fills the {{name}} placeholders of a template'
      : undefined,
];

/**
 * What a command that posts to subscribers takes (create-incident, update-incident,
 * schedule-maintenance): the connection, output, message, notify and template flags, a title
 * and components.
 */
export const broadcastShape = {
  ...connectionShape,
  ...outputShape,
  ...messageShape,
  ...notifyShape,
  ...templateShape,
  title: z.optional(titleSchema),
  components: z._default(componentRefsSchema, []),
};

/** A new incident or maintenance needs a name: --title, or a template's. */
export const titleRequired: CrossRule = (o) =>
  o.title === undefined && o.template === undefined ? '--title is required (or a --template with a title)' : undefined;

/** A command's option schema: its flag groups and own flags, checked one by one, then together. */
export function commandSchema<S extends z.core.$ZodShape>(shape: S, ...rules: CrossRule[]) {
  return z.object(shape).check(
    z.superRefine((options, ctx) => {
      for (const rule of [...SHARED_RULES, ...rules]) {
        const message = rule(options as Record<string, unknown>);
        if (message !== undefined) {
          ctx.addIssue({ code: 'custom', message, path: [] });
          return;
        }
      }
    }),
  );
}

/** The options of a command that takes only the connection and output flags: list-components, list-templates. */
export const sharedFlagsSchema = commandSchema({ ...connectionShape, ...outputShape });
export const parseSharedFlags = optionsParser(sharedFlagsSchema);

/**
 * What a Session needs: the connection and output flags. `yes` and `input` may be missing (a
 * command with output flags of its own), and `input` is --no-input's only when it is false: a
 * command may use the name for something else (`statuspage api --input PATH`).
 */
export type CommonOptions = Omit<
  z.output<z.ZodMiniObject<typeof connectionShape & typeof outputShape>>,
  'yes' | 'input'
> & {
  yes?: boolean;
  input?: unknown;
};
