// --template: the fields a template fills in, for any command that posts an incident or an
// update. A template is a page's (by name or ID: one paginated read) or a Markdown file with a
// front matter (cli/template-file.ts: no request). The API has no template_id on incidents, so
// the CLI applies it: every field a flag gives wins, the rest come from the template with their
// {{placeholders}} filled from --var, and the request shows the result.

import { characters, INCIDENT_BODY_MAX } from '../api/constants.js';
import type { ComponentStatus, Impact, IncidentStatus, IncidentTemplate } from '../api/schemas.js';
import { UsageError } from '../errors.js';
import type { Io } from '../output/io.js';
import { matchByName, type NamedKind } from './match-name.js';
import { type ComponentRef, type TemplateVar, titleSchema } from './option-schemas.js';
import { fillPlaceholders, malformedPlaceholders, placeholdersIn } from './placeholders.js';
import { listAllTemplates } from './read-all.js';
import type { Session } from './session.js';

/** What a template fills, and what the command's own flags gave. */
export interface TemplateFields {
  title?: string | undefined;
  message?: string | undefined;
  status?: IncidentStatus | undefined;
  impact?: Impact | undefined;
  components: ComponentRef[];
  notify?: boolean | undefined;
}

/** A template as the CLI applies it, from the page or from a file. */
export interface Template {
  /** How messages name it: `'API outage' (tpl000000001)`, `'./api-outage.md'`. */
  label: string;
  title?: string | undefined;
  body?: string | undefined;
  status?: string | undefined;
  impact?: Impact | undefined;
  components: ComponentRef[];
  notify?: boolean | undefined;
}

export interface TemplateOptions {
  template?: string | undefined;
  var: readonly TemplateVar[];
  componentStatus?: ComponentStatus | undefined;
}

/** What the command can send: a status of the template outside `statuses` is refused; without `statuses` or `impact` the template's is not used. */
export interface TemplateUse {
  statuses?: readonly IncidentStatus[];
  impact?: boolean;
}

const TEMPLATES: NamedKind = { flag: '--template', noun: 'template', plural: 'templates' };

/** A --template value naming a file rather than a page's template. */
export function isTemplateFile(ref: string): boolean {
  return ref.includes('/') || ref.toLowerCase().endsWith('.md');
}

/**
 * The fields to send: `given` (the command's flags) where set, else the template's. Without
 * --template, `given` as it is. Every usage error comes before anything is written.
 */
export async function applyTemplate(
  io: Io,
  session: Session,
  options: TemplateOptions,
  given: TemplateFields,
  use: TemplateUse = {},
): Promise<TemplateFields> {
  if (options.template === undefined) return given;
  const template = await loadTemplate(io, session, options.template);
  return fillTemplate(template, options, given, use);
}

export async function loadTemplate(io: Io, session: Session, ref: string): Promise<Template> {
  if (isTemplateFile(ref)) return (await import('./template-file.js')).readTemplateFile(io, ref);
  const templates = await session.readingFor(
    `--template '${ref}': finding the template reads the page's templates`,
    () => listAllTemplates(session),
  );
  return fromPage(matchByName(ref, templates, TEMPLATES));
}

export function fromPage(template: IncidentTemplate): Template {
  const ids = template.components?.map((c) => c.id) ?? template.component_ids ?? [];
  return {
    label: `'${template.name ?? ''}' (${template.id})`,
    title: template.title ?? undefined,
    body: template.body ?? undefined,
    status: template.update_status ?? undefined,
    components: ids.map((ref) => ({ ref })),
    notify: template.should_send_notifications ?? undefined,
  };
}

/**
 * The placeholders `template` needs filled for the flags given, each once: those of the texts it
 * supplies (a flag given replaces one whole). Double braces that are not a placeholder are a
 * usage error.
 */
export function placeholdersNeeded(template: Template, given: Pick<TemplateFields, 'title' | 'message'>): string[] {
  const texts: { what: string; text: string }[] = [];
  if (given.title === undefined && template.title !== undefined) texts.push({ what: 'title', text: template.title });
  if (given.message === undefined && template.body !== undefined) texts.push({ what: 'message', text: template.body });
  for (const { what, text } of texts) {
    const [odd] = malformedPlaceholders(text);
    if (odd !== undefined) {
      throw new UsageError(
        `--template ${template.label}: '${odd}' in its ${what} is not a placeholder (a name is letters, digits, '_' and '-'); fix the template`,
      );
    }
  }
  return [...new Set(texts.flatMap(({ text }) => placeholdersIn(text)))];
}

/** Pure: the template applied to the flags given. */
export function fillTemplate(
  template: Template,
  options: TemplateOptions,
  given: TemplateFields,
  use: TemplateUse = {},
): TemplateFields {
  const source = `--template ${template.label}`;
  const wanted = placeholdersNeeded(template, given);
  const values = new Map(options.var.map((v) => [v.name, v.value]));
  const missing = wanted.filter((name) => !values.has(name));
  if (missing.length > 0) {
    throw new UsageError(
      `${source} needs ${missing.map((n) => `{{${n}}}`).join(', ')}: give ${missing.map((n) => `--var ${n}=…`).join(' ')}; nothing sent`,
    );
  }
  const unused = options.var.filter((v) => !wanted.includes(v.name)).map((v) => `'${v.name}'`);
  if (unused.length > 0) {
    const has = wanted.length > 0 ? `its placeholders: ${wanted.join(', ')}` : 'it fills no placeholders';
    throw new UsageError(`--var ${unused.join(', ')} fills no placeholder of ${source} (${has})`);
  }
  const fill = (text: string) => fillPlaceholders(text, values);

  const fields: TemplateFields = { ...given };
  if (given.title === undefined && template.title !== undefined) {
    const title = titleSchema.safeParse(fill(template.title));
    if (!title.success) throw new UsageError(`${source}: its title ${title.error.issues[0]?.message ?? 'is invalid'}`);
    fields.title = title.data;
  }
  if (given.message === undefined && template.body !== undefined) {
    const body = fill(template.body);
    const length = characters(body);
    if (length > INCIDENT_BODY_MAX) {
      throw new UsageError(
        `${source}: its message is ${length} characters, more than the ${INCIDENT_BODY_MAX} the API allows`,
      );
    }
    // An empty message is no message: nothing to post, rather than an empty update mailed to everyone.
    if (body.trim() !== '') fields.message = body;
  }
  if (given.status === undefined && template.status !== undefined && use.statuses !== undefined) {
    if (!(use.statuses as readonly string[]).includes(template.status)) {
      throw new UsageError(
        `${source} sets status '${template.status}', which this command cannot; give --status (one of: ${use.statuses.join(', ')})`,
      );
    }
    fields.status = template.status as IncidentStatus;
  }
  if (given.impact === undefined && template.impact !== undefined && use.impact) fields.impact = template.impact;
  if (given.components.length === 0) fields.components = template.components;
  if (given.notify === undefined && template.notify !== undefined) fields.notify = template.notify;
  if (options.componentStatus !== undefined && fields.components.length === 0) {
    throw new UsageError(`--component-status needs --components: ${source} names no components either`);
  }
  return fields;
}
