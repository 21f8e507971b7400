// create-incident at a terminal without --title: what neither the flags nor a template give is
// asked for, in the order a person reports an outage: a template to start from (when the page
// has any), the title, the components (each with its status now) and what they are now, the
// incident's status and impact, and the message, written in $VISUAL/$EDITOR as `git commit`
// takes one. A template's {{placeholders}} that no --var fills are asked for too. The answers
// come back as raw flags, so the run goes on through the one option schema every run takes, and
// the template through the one fill every run makes: a wizard cannot send what flags could not.
// The schedule-maintenance wizard is the model (its wizard.ts says how the pieces fit).

import { COMPONENT_STATUSES, IMPACTS, REALTIME_STATUSES } from '../../api/constants.js';
import type { IncidentTemplate } from '../../api/schemas.js';
import { messageSchema, templateVarsSchema, titleSchema } from '../../cli/option-schemas.js';
import { pickComponents } from '../../cli/pick-components.js';
import { type Check, checkWith, columnLabels } from '../../cli/prompts.js';
import { listAllTemplates } from '../../cli/read-all.js';
import type { Session } from '../../cli/session.js';
import {
  fillTemplate,
  fromPage,
  loadTemplate,
  placeholdersNeeded,
  type Template,
  type TemplateFields,
} from '../../cli/template.js';
import { type CreateIncidentGiven, TEMPLATE_USE } from './options.js';
import { DEFAULT_COMPONENT_STATUS } from './request.js';

/** The flags a person answered, as commander would have given them. */
export interface Answers {
  /** The ID of the page template picked. */
  template?: string;
  /** --var as given, and the placeholders answered: `name=value`. */
  var?: string[];
  title?: string;
  components?: string[];
  componentStatus?: string;
  status?: string;
  impact?: string;
  message?: string;
}

export interface Asked {
  answers: Answers;
  /** The template to fill from (read once here, so the run does not read it again). */
  template: Template | undefined;
}

/** Impact left out of the request: Statuspage calculates it from the components' statuses. */
const CALCULATED = 'calculated';

/** `raw`: the flags as given (which were given at all); `message`: what -m or --message-file gave. */
export async function askForIncident(
  session: Session,
  raw: Record<string, unknown>,
  given: CreateIncidentGiven,
  message: string | undefined,
): Promise<Asked> {
  const ask = session.prompts;
  const answers: Answers = {};
  const flags: TemplateFields = { ...given, message };
  // --template is a runbook's choice: only what the incident cannot go without is asked (its
  // placeholders, a title); the rest takes the defaults a script gets, so a runbook run by hand
  // does not stop at questions it never meant to answer.
  const runbook = given.template !== undefined;

  let template: Template | undefined;
  if (given.template !== undefined) {
    template = await loadTemplate(session.io, session, given.template);
  } else {
    const picked = await offerTemplates(session);
    if (picked) {
      answers.template = picked.id;
      template = fromPage(picked);
    }
  }
  // A status the incident cannot open with (a maintenance's) is asked for instead of refused.
  if (template?.status !== undefined && !(REALTIME_STATUSES as readonly string[]).includes(template.status)) {
    template = { ...template, status: undefined };
  }

  let fields = flags;
  if (template) {
    const vars = [...given.var];
    const asked: string[] = [];
    for (const name of placeholdersNeeded(template, flags)) {
      if (vars.some((v) => v.name === name)) continue;
      const value = await ask.input(`Value for {{${name}}} in ${template.label}`, { check: varCheck(name) });
      vars.push({ name, value });
      asked.push(`${name}=${value}`);
    }
    if (asked.length > 0) answers.var = [...((raw.var as string[] | undefined) ?? []), ...asked];
    // --component-status waits for the components asked below; the run applies it.
    fields = fillTemplate(template, { ...given, var: vars, componentStatus: undefined }, flags, TEMPLATE_USE);
  }

  if (fields.title === undefined) answers.title = (await ask.input('Title', { check: checkWith(titleSchema) })).trim();

  let components = fields.components;
  // Which components the status question is about, as the person knows them.
  let which =
    given.components.length > 0
      ? components
          .filter((c) => c.status === undefined)
          .map((c) => c.ref)
          .join(', ')
      : `the components of ${template?.label}`;
  if (components.length === 0 && !runbook) {
    const ids = await pickComponents(session, 'Affected components (type to filter, Tab to pick)');
    if (ids.length > 0) answers.components = ids;
    components = ids.map((ref) => ({ ref }));
    which = 'the components picked';
  }
  if (!runbook && given.componentStatus === undefined && components.some((c) => c.status === undefined)) {
    answers.componentStatus = await ask.select(
      `Status of ${which}`,
      COMPONENT_STATUSES.map((status) => ({ value: status, label: status })),
      { initial: DEFAULT_COMPONENT_STATUS },
    );
  }

  if (fields.status === undefined && !runbook) {
    answers.status = await ask.select(
      'Incident status',
      REALTIME_STATUSES.map((status) => ({ value: status, label: status })),
      { initial: 'investigating' },
    );
  }
  if (fields.impact === undefined && !runbook) {
    // A maintenance's impact is schedule-maintenance's; --impact maintenance still takes it.
    const impact = await ask.select('Impact', [
      { value: CALCULATED, label: 'from the components (Statuspage calculates it)' },
      ...IMPACTS.filter((i) => i !== 'maintenance').map((i) => ({ value: i, label: i })),
    ]);
    if (impact !== CALCULATED) answers.impact = impact;
  }

  if (fields.message === undefined && !runbook) {
    const title = answers.title ?? fields.title ?? '';
    answers.message = await ask.compose('Message to subscribers', {
      comments: [
        `The first update subscribers will read for "${session.io.shown(title).replace(/\s+/g, ' ')}".`,
        "Lines starting with '#' are left out, and an empty message cancels: nothing is sent.",
      ],
      check: checkWith(messageSchema),
    });
  }
  return { answers, template };
}

/** The page's templates to start from, after one read of them; none picked, or none there: undefined. */
async function offerTemplates(session: Session): Promise<IncidentTemplate | undefined> {
  const templates = await session.readingFor("offering a template reads the page's templates", () =>
    listAllTemplates(session),
  );
  if (templates.length === 0) return undefined;
  const labels = columnLabels(
    session.io,
    templates.map((t) => [t.name ?? t.id, t.title ?? '']),
  );
  // An object per choice: the library tells choices apart by their value, and `undefined` is none.
  const none: { template?: IncidentTemplate } = {};
  const picked = await session.prompts.select('Start from a template', [
    ...templates.map((t, i) => ({ value: { template: t }, label: labels[i] ?? t.id, hint: t.id })),
    { value: none, label: 'No template' },
  ]);
  return picked.template;
}

/** A placeholder's value: some text, and what --var would take. */
function varCheck(name: string): Check {
  return (answer) => {
    if (answer.trim() === '') return 'must not be empty';
    const parsed = templateVarsSchema.safeParse([`${name}=${answer}`]);
    return parsed.success ? undefined : (parsed.error.issues[0]?.message ?? 'not accepted');
  };
}
