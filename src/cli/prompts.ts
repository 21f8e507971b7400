// Questions for a person at a terminal, for commands that ask for what they were not given: an
// incident to pick, a maintenance's title, start and components. This module is the only one that
// knows the prompt library (@clack/prompts); it loads it with import() at the first question, so
// help, usage errors and scripts never load it. Prompts are drawn on stderr (stdout stays data)
// and read stdin. The library writes to the terminal itself, past Io's sanitizer, so every text
// handed to it here (questions, labels and hints from the API, problems that quote what was
// typed) is redacted and sanitized first.
//
// Whether to ask at all is Io.interactive's rule (Session.interactive in a command): check it
// before building a Prompter, and keep the error a script gets otherwise. In a command, use
// `session.prompts`: the time a person spends answering does not count against --timeout.
import type { Readable, Writable } from 'node:stream';
import type { Option } from '@clack/prompts';
import { ExitCode, ExitStatus, UsageError } from '../errors.js';
import type { Io } from '../output/io.js';
import { displayWidth } from '../output/table.js';
import { PromptCancelled as HiddenPromptCancelled, readHiddenLine } from '../utils/hidden-prompt.js';
import type * as z from '../zod.js';
import { confirm as confirmLine } from './confirm.js';
import { EditorFailed, editorName, editText } from './editor.js';

export interface Choice<T> {
  value: T;
  /** What the list shows, and what typing searches. */
  label: string;
  /** Shown beside the label (a status, an age), and searched too. */
  hint?: string;
}

/** A problem with an answer, shown under the question until it is answered well; undefined: fine. */
export type Check = (answer: string) => string | undefined;

/** Whether stdin has been read to its end (by `-m -` or `--token -`, say): nothing can be asked any more. */
export function inputEnded(io: Io): boolean {
  return (io.promptStreams().input as { readableEnded?: boolean }).readableEnded === true;
}

const ENDED =
  'nothing sent: standard input has ended (-m - read it), so nothing more can be asked; give the missing values as flags';

/** Ctrl-C, Escape or the end of input at a prompt: nothing is sent, exit 2, as a declined question. */
export class PromptCancelled extends ExitStatus {
  override readonly name: string = 'PromptCancelled';

  constructor(line = 'cancelled; nothing sent') {
    super(ExitCode.usage, line);
  }
}

export interface Prompter {
  /** One of `choices` (arrows and Enter); with more than a screenful, or `search`, typing filters them. */
  select<T>(message: string, choices: readonly Choice<T>[], options?: { initial?: T; search?: boolean }): Promise<T>;
  /** Any of `choices`: typing filters them, Tab toggles one, Enter accepts; `required`: at least one. */
  multiSelect<T>(
    message: string,
    choices: readonly Choice<T>[],
    options?: { initial?: readonly T[]; required?: boolean },
  ): Promise<T[]>;
  /** A line of text; an empty answer is `initial` (shown as the placeholder). `check` keeps asking until it passes. */
  input(message: string, options?: { initial?: string; placeholder?: string; check?: Check }): Promise<string>;
  /** `question` ends with its own `[y/N] `; only y or yes is yes (src/cli/confirm.ts). */
  confirm(question: string): Promise<boolean>;
  /**
   * Longer text (an incident message): typed on the line, or `e` opens $VISUAL/$EDITOR on
   * `initial`; Enter alone gives '' (nothing). `check` applies to either.
   */
  editor(message: string, options?: { initial?: string; check?: Check }): Promise<string>;
  /**
   * A message written as `git commit` takes one: Enter (or `e`) opens $VISUAL/$EDITOR on a file
   * that ends with `comments` as `#` lines, and every line starting with `#` is left out; `-` asks
   * for one line instead, and other text typed at the question is that line. An empty message
   * cancels (PromptCancelled: nothing sent). An answer `check` refuses is shown, and asked again
   * (the editor reopens on what was written).
   */
  compose(message: string, options: { comments: readonly string[]; check?: Check }): Promise<string>;
  /** A line typed without echo (a token). */
  password(message: string): Promise<string>;
}

const EMPTY_MESSAGE = 'the message is empty; nothing sent';

/**
 * `waitFor` wraps each question (Session uses it to keep the time a person takes out of
 * --timeout); by default questions are simply awaited.
 */
export function prompter(
  io: Io,
  waitFor: <T>(asking: () => Promise<T>) => Promise<T> = (asking) => asking(),
): Prompter {
  const { input, output } = io.promptStreams();
  /** Text for the terminal: redacted, control characters visible, on one line. */
  const safe = (text: string) => oneLine(io.shown(text));
  // The library's Option type depends on whether T is a primitive, which a generic T cannot tell.
  const toOptions = <T>(choices: readonly Choice<T>[]) =>
    choices.map((choice) => ({
      value: choice.value,
      label: safe(choice.label),
      ...(choice.hint ? { hint: safe(choice.hint) } : {}),
    })) as Option<T>[];
  /** As many list rows as the terminal has room for, beside the question and the search line. */
  const listRows = () => Math.max(5, ((output as { rows?: number }).rows ?? 24) - 8);
  const matches = (search: string, choice: { label?: string; hint?: string }) =>
    `${choice.label ?? ''} ${choice.hint ?? ''}`.toLowerCase().includes(search.trim().toLowerCase());

  /** Runs one library prompt on io's streams; the end of input cancels it, as Ctrl-C does. */
  async function ask<T>(
    run: (
      clack: typeof import('@clack/prompts'),
      streams: { input: Readable; output: Writable; signal: AbortSignal; withGuide: false },
    ) => Promise<T | symbol>,
  ): Promise<T> {
    // Input read to its end already (by `-m -`, say) has no answer left to give.
    if (inputEnded(io)) throw new PromptCancelled(ENDED);
    const clack = await import('@clack/prompts');
    const ended = new AbortController();
    const onEnd = () => ended.abort();
    input.once('end', onEnd);
    try {
      const answer = await run(clack, {
        input: input as Readable,
        output: output as Writable,
        signal: ended.signal,
        withGuide: false,
      });
      if (clack.isCancel(answer)) throw new PromptCancelled();
      return answer as T;
    } finally {
      input.off('end', onEnd);
    }
  }

  const checked = (check: Check | undefined, initial: string | undefined) =>
    check
      ? (value: string | undefined) => {
          const problem = check(value === undefined || value === '' ? (initial ?? '') : value);
          return problem === undefined ? undefined : safe(problem);
        }
      : undefined;

  const text = (message: string, options: { initial?: string; placeholder?: string; check?: Check }) =>
    ask<string>((clack, streams) => {
      const validate = checked(options.check, options.initial);
      const placeholder = options.placeholder ?? options.initial;
      return clack.text({
        ...streams,
        message: safe(message),
        ...(placeholder !== undefined ? { placeholder: safe(placeholder) } : {}),
        ...(options.initial !== undefined ? { defaultValue: options.initial } : {}),
        ...(validate ? { validate } : {}),
      });
    }).then((answer) => (answer === '' ? (options.initial ?? '') : answer));

  /** The text written in $VISUAL/$EDITOR; an editor that fails cancels, as Ctrl-C does. */
  async function inEditor(initial: string, comments?: readonly string[]): Promise<string> {
    try {
      return await editText(io, initial, comments ? { comments } : {});
    } catch (error) {
      if (error instanceof EditorFailed) throw new PromptCancelled(`${error.message}; nothing sent`);
      throw error;
    }
  }

  return {
    select: <T>(
      message: string,
      choices: readonly Choice<T>[],
      { initial, search = false }: { initial?: T; search?: boolean } = {},
    ) =>
      waitFor(() =>
        ask<T>((clack, streams) => {
          const shown = toOptions(choices);
          const start = initial !== undefined ? { initialValue: initial } : {};
          const maxItems = listRows();
          if (search || choices.length > maxItems) {
            return clack.autocomplete({
              ...streams,
              ...start,
              message: safe(message),
              options: shown,
              maxItems,
              filter: matches,
            });
          }
          return clack.select({ ...streams, ...start, message: safe(message), options: shown, maxItems });
        }),
      ),
    multiSelect: <T>(
      message: string,
      choices: readonly Choice<T>[],
      { initial, required = false }: { initial?: readonly T[]; required?: boolean } = {},
    ) =>
      waitFor(() =>
        ask<T[]>((clack, streams) =>
          clack.autocompleteMultiselect({
            ...streams,
            message: safe(message),
            options: toOptions(choices),
            filter: matches,
            required,
            maxItems: listRows(),
            ...(initial ? { initialValues: [...initial] } : {}),
          }),
        ),
      ),
    input: (message, options = {}) => waitFor(() => text(message, options)),
    confirm: (question) => waitFor(() => confirmLine(io, question)),
    editor: (message, options = {}) =>
      waitFor(async () => {
        const editor = editorName(io);
        for (;;) {
          const typed = await text(`${message} (type it, or e to open ${editor}; Enter: none)`, {
            // Enter alone is no message at all, and `e` is not one: neither is checked.
            ...(options.check
              ? { check: (answer) => (answer === 'e' || answer === '' ? undefined : options.check?.(answer)) }
              : {}),
          });
          if (typed !== 'e') return typed;
          const written = await inEditor(options.initial ?? '');
          const problem = written === '' ? undefined : options.check?.(written);
          if (problem === undefined) return written;
          io.err(problem);
        }
      }),
    compose: (message, { comments, check }) =>
      waitFor(async () => {
        // What the editor wrote last: a refused message is reopened, not lost.
        let draft = '';
        for (;;) {
          const typed = await text(`${message} (Enter opens ${editorName(io)}; - for one line)`, {
            ...(check ? { check: (answer) => (['', 'e', '-'].includes(answer) ? undefined : check(answer)) } : {}),
          });
          let written: string;
          if (typed === '-') {
            written = await text(`${message}, on one line`, {
              ...(check ? { check: (answer) => (answer === '' ? undefined : check(answer)) } : {}),
            });
          } else if (typed === '' || typed === 'e') {
            written = await inEditor(draft, comments);
            draft = written;
          } else {
            written = typed;
          }
          if (written.trim() === '') throw new PromptCancelled(EMPTY_MESSAGE);
          const problem = check?.(written);
          if (problem === undefined) return written;
          io.err(problem);
        }
      }),
    password: (message) =>
      waitFor(async () => {
        try {
          return await readHiddenLine(input, () => io.prompt(message));
        } catch (error) {
          if (error instanceof HiddenPromptCancelled) throw new PromptCancelled();
          throw error;
        } finally {
          io.prompt('\n');
        }
      }),
  };
}

/** A Check from a zod schema: its first issue's message, or undefined when the text passes. */
export function checkWith(schema: z.ZodMiniType): Check {
  return (answer) => {
    const result = schema.safeParse(answer);
    return result.success ? undefined : (result.error.issues[0]?.message ?? 'not accepted');
  };
}

/** A Check from a rule that throws a UsageError for a bad answer (a flag's own check): its message. */
export function checkRule(rule: (answer: string) => unknown): Check {
  return (answer) => {
    try {
      rule(answer);
      return undefined;
    } catch (error) {
      if (error instanceof UsageError) return error.message;
      throw error;
    }
  };
}

/**
 * Labels for a list whose rows have columns (name, status, …): each cell sanitized and on one line
 * as it will be shown, every column but the last padded to its widest cell. The library shows a
 * choice's hint beside the one under the cursor only, so what every row must show goes here.
 */
export function columnLabels(io: Io, rows: readonly (readonly string[])[]): string[] {
  const cells = rows.map((row) => row.map((text) => oneLine(io.shown(text))));
  const columns = Math.max(0, ...cells.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, column) =>
    Math.max(0, ...cells.map((row) => displayWidth(row[column] ?? ''))),
  );
  return cells.map((row) =>
    row
      .map((text, column) =>
        column < columns - 1 ? text + ' '.repeat((widths[column] ?? 0) - displayWidth(text)) : text,
      )
      .join('  ')
      .trimEnd(),
  );
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');
