// schedule-maintenance at a terminal without --title or --scheduled: what neither the flags nor a
// --template give is asked for, in the order a person plans a window (title, start, length,
// components, message), each answer checked by the rule its flag follows, and the question kept
// until it passes. The
// answers come back as raw flags, so the run goes on through the one option schema every run
// takes: a wizard cannot send what the flags could not.
//
// The worked example of cli/prompts.ts: `session.prompts` asks (and keeps the person's time out
// of --timeout), `checkWith(schema)` turns a flag's zod schema into a check, and `checkRule(rule)`
// a rule that throws a UsageError (the window's rules here).

import { messageSchema, titleSchema } from '../../cli/option-schemas.js';
import { pickComponents } from '../../cli/pick-components.js';
import { checkRule, checkWith } from '../../cli/prompts.js';
import type { Session } from '../../cli/session.js';
import type { TemplateFields } from '../../cli/template.js';
import type { WhenContext } from '../../utils/time.js';
import type { ScheduleMaintenanceGiven } from './options.js';
import { checkEnd, endFromFlags, maintenanceWindow, NOW_LEAD_MS, windowStart } from './window.js';

/** DEFAULT_DURATION_MS (window.ts) as --duration takes it. */
const DEFAULT_DURATION = '1h';

/** The flags a person answered, as commander would have given them. */
export interface Answers {
  title?: string;
  scheduled?: string;
  duration?: string;
  components?: string[];
  message?: string;
}

/** What the flags give is checked before anything is asked: a typo must not cost a whole wizard. */
export function checkGiven(given: ScheduleMaintenanceGiven, context: WhenContext): void {
  if (given.scheduled !== undefined) {
    maintenanceWindow({ ...given, scheduled: given.scheduled }, new Date(context.now), context.zone);
    return;
  }
  // The start is yet to be asked: --until and --duration are checked for their form alone.
  endFromFlags(given, new Date(context.now + NOW_LEAD_MS), context);
}

/**
 * `raw`: the flags as given (which were given at all); `zone`: where local times are read;
 * `known`: the title, components and message that the flags, or a --template, give.
 */
export async function askForMaintenance(
  session: Session,
  raw: Record<string, unknown>,
  given: ScheduleMaintenanceGiven,
  zone: string,
  known: Pick<TemplateFields, 'title' | 'message' | 'components'>,
): Promise<Answers> {
  const ask = session.prompts;
  const context = (): WhenContext => ({ now: session.io.now(), zone });
  const answers: Answers = {};
  if (known.title === undefined) answers.title = (await ask.input('Title', { check: checkWith(titleSchema) })).trim();

  const scheduled =
    given.scheduled ??
    (await ask.input(`Start: now, in 2h, +90m, YYYY-MM-DD HH:MM (${zone}) or ISO 8601`, {
      initial: 'now',
      check: checkRule((text) => windowStart(text, context())),
    }));
  if (given.scheduled === undefined) answers.scheduled = scheduled;

  if (given.until === undefined && given.duration === undefined) {
    answers.duration = await ask.input('Duration: 90m, 2h, 1h30m, 1d', {
      initial: DEFAULT_DURATION,
      check: checkRule((text) => {
        const { start } = windowStart(scheduled, context());
        const end = endFromFlags({ duration: text }, start, context());
        if (end) checkEnd(end, start, context().now);
      }),
    });
  }

  if (raw.components === undefined && known.components.length === 0) {
    answers.components = await pickComponents(session, 'Components under maintenance (type to filter, Tab to pick)');
  }

  if (known.message === undefined) {
    const message = await ask.editor('Message to subscribers', { check: checkWith(messageSchema) });
    if (message.trim() !== '') answers.message = message;
  }
  return answers;
}
