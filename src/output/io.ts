// The one way a command reaches the outside world, after the GitHub CLI's IOStreams: the three
// streams, whether each is a terminal, the environment, the clock, the working directory, what
// must never be printed, and whether to colour. main.ts builds one from the process; a test
// builds one from memory streams and runs the CLI in its own process. Nothing below cli/run.ts
// reads process.stdout, process.stderr, process.stdin or process.env itself.
import { resolve } from 'node:path';
import { secretForms } from '../utils/secret-forms.js';

/**
 * Text from the API (names, messages, error bodies) must never drive the terminal: C0 controls
 * but tab and newline, DEL and the C1 controls are shown as visible escapes (`^[`, `^?`,
 * `\u009b`), as the GitHub CLI does. A lone carriage return could overwrite what the line
 * said, so only CRLF survives, as a newline.
 */
export function sanitize(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(new RegExp(CONTROL.source, 'g'), visible);
}

/** C0 controls but tab and newline, DEL, and C1 (CSI alone is `\u009b`). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this must find
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Whether `text` holds a control character that sanitize would make visible (tab and newline do not count). */
export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return '^?';
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** JSON.stringify escapes C0 controls; DEL and C1 are escaped too, so JSON output is exact and inert. */
function inertJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export type Env = Readonly<Record<string, string | undefined>>;

/** A variable that switches something on: set, and not empty, 0 or false (CI=false is no CI). */
const isSet = (value: string | undefined): boolean =>
  value !== undefined && !['', '0', 'false'].includes(value.trim().toLowerCase());

/** stdin as a terminal offers it (raw mode for hidden input); a pipe or a test stream lacks setRawMode. */
export type InputStream = NodeJS.ReadableStream & { setRawMode?: (mode: boolean) => unknown; destroy?: () => unknown };

export interface IoOptions {
  /**
   * Called on first use: Node builds process.stdin (a stream, and its isTTY) only when it is
   * read, a few milliseconds that most commands, which never read it, need not pay.
   */
  stdin: () => InputStream;
  stdinIsTTY: () => boolean;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Env;
  platform: NodeJS.Platform;
  cwd: string;
  /** Wall-clock milliseconds since the epoch; Date.now unless a test pins it. */
  now?: () => number;
  /** How to run this CLI again (`[node, bin/statuspage.js]`), for a command it starts that calls it. */
  self?: readonly string[] | undefined;
  /** Whether a child process may use the process's own stdin, stdout and stderr (false: piped through). */
  inheritStdio?: boolean | undefined;
}

export type StreamName = 'stdout' | 'stderr';

export class Io {
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly env: Env;
  readonly platform: NodeJS.Platform;
  readonly cwd: string;
  readonly now: () => number;
  readonly self: readonly string[] | undefined;
  readonly inheritStdio: boolean;
  /**
   * When the command started, by the machine's clock (not `now`, which a test may set to another
   * day): --timeout counts from here, whatever the command waits for.
   */
  readonly startedAt = Date.now();
  private readonly stdout: NodeJS.WritableStream;
  private readonly stderr: NodeJS.WritableStream;
  private readonly openStdin: () => InputStream;
  private readonly isStdinTTY: () => boolean;
  private opened: InputStream | undefined;
  private stdinTTY: boolean | undefined;
  private readonly secrets = new Set<string>();
  private noColorFlag = false;
  /** Stands for ESC in the CLI's own colour codes until they are written (see `ownEscapes`). */
  private escapeToken: string | undefined;

  constructor(options: IoOptions) {
    this.openStdin = options.stdin;
    this.isStdinTTY = options.stdinIsTTY;
    this.stdout = options.stdout;
    this.stderr = options.stderr;
    this.stdoutIsTTY = options.stdoutIsTTY;
    this.stderrIsTTY = options.stderrIsTTY;
    this.env = options.env;
    this.platform = options.platform;
    this.cwd = options.cwd;
    this.now = options.now ?? Date.now;
    this.self = options.self;
    this.inheritStdio = options.inheritStdio ?? false;
  }

  get stdin(): InputStream {
    this.opened ??= this.openStdin();
    return this.opened;
  }

  get stdinIsTTY(): boolean {
    this.stdinTTY ??= this.isStdinTTY();
    return this.stdinTTY;
  }

  /** Ends stdin if anything opened it: a read given up at --timeout would keep the process alive. */
  closeStdin(): void {
    this.opened?.destroy?.();
  }

  /** From now on `secret`, in every spelling a server may echo it in, is shown as `***`. */
  addSecret(secret: string): void {
    if (secret.length > 0) for (const form of secretForms(secret)) this.secrets.add(form);
  }

  redact(text: string): string {
    let result = text;
    for (const form of this.secrets) result = result.split(form).join('***');
    return result;
  }

  /**
   * `text` as write() shows it (the token redacted, control characters made visible), for a
   * library that writes to the terminal itself: the prompt library (cli/prompts.ts).
   */
  shown(text: string): string {
    return sanitize(this.redact(text));
  }

  /** Data: what a script captures; a line (the newline is added when missing). */
  out(text: string): void {
    this.write('stdout', text.endsWith('\n') ? text : `${text}\n`);
  }

  /** Messages: errors, warnings, hints, progress; a line. */
  err(text: string): void {
    this.write('stderr', text.endsWith('\n') ? text : `${text}\n`);
  }

  /**
   * A progress line on a terminal's stderr, written over in place (cursor to column 1, line
   * erased: escapes of the CLI's own); '' clears it. Not for pipes: callers check stderrIsTTY.
   */
  status(text: string): void {
    this.write('stderr', `${this.ownEscapes('\u001b[1G\u001b[2K')}${text}`);
  }

  /** A question on stderr, with no newline: the answer is typed after it. */
  prompt(text: string): void {
    this.write('stderr', text);
  }

  /** A value as JSON on stdout: exact, so escaped rather than sanitized. */
  json(value: unknown): void {
    this.stdout.write(this.redact(`${inertJson(value)}\n`));
  }

  /** Text as given (commander's help and errors too): redacted, sanitized, the CLI's own colours kept. */
  write(stream: StreamName, text: string): void {
    let safe = sanitize(this.redact(text));
    if (this.escapeToken !== undefined) safe = safe.split(this.escapeToken).join('\u001b');
    (stream === 'stdout' ? this.stdout : this.stderr).write(safe);
  }

  /**
   * The CLI's own escape sequences (colour codes from output/color.ts), made to survive
   * sanitize(): each ESC becomes a random token no text from the API can contain, and write()
   * turns the token back into ESC after sanitizing everything else.
   */
  ownEscapes(sequence: string): string {
    this.escapeToken ??= `\ue000${globalThis.crypto.randomUUID()}\ue001`;
    return sequence.split('\u001b').join(this.escapeToken);
  }

  /**
   * Whether a person can be asked (a missing value, a confirmation): stdin to answer on and stderr
   * to be asked on are both terminals, CI is not set, and neither --no-input (`noInputFlag`) nor
   * STATUSPAGE_NO_INPUT says otherwise. The one rule for every prompt and question the CLI has.
   */
  interactive(noInputFlag = false): boolean {
    if (noInputFlag || isSet(this.env.STATUSPAGE_NO_INPUT) || isSet(this.env.CI)) return false;
    return this.stdinIsTTY && this.stderrIsTTY;
  }

  /**
   * The streams a prompt library draws on: stdin, and stderr (prompts are messages, never data).
   * Such a library writes its own escapes there, past write(): text from the API must be passed
   * through sanitize() and redact() before it is handed to one.
   */
  promptStreams(): { input: InputStream; output: NodeJS.WritableStream } {
    return { input: this.stdin, output: this.stderr };
  }

  isTTY(stream: StreamName): boolean {
    return stream === 'stdout' ? this.stdoutIsTTY : this.stderrIsTTY;
  }

  /** --no-color. */
  disableColor(): void {
    this.noColorFlag = true;
  }

  /** Colour only where a person is looking: a terminal, no NO_COLOR, no --no-color, not TERM=dumb. */
  colorEnabled(stream: StreamName): boolean {
    if (this.noColorFlag || this.env.TERM === 'dumb') return false;
    if (this.env.NO_COLOR !== undefined && this.env.NO_COLOR !== '') return false;
    return this.isTTY(stream);
  }

  /** A path the user gave, relative to the directory the command runs in. */
  path(given: string): string {
    return resolve(this.cwd, given);
  }

  /**
   * All of standard input, as bytes (for `-m -`, `--token -` and `auth login` in a pipe); rejects
   * with `onTimeout()` if it has not ended within `timeoutMs`: a pipe left open must not hang a
   * command at 3 a.m.
   */
  async readStdin(timeoutMs = Number.POSITIVE_INFINITY, onTimeout?: () => Error): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const read = (async () => {
      for await (const chunk of this.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      return Buffer.concat(chunks);
    })();
    if (!Number.isFinite(timeoutMs)) return read;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => {
          this.stdin.pause();
          reject(onTimeout?.() ?? new Error('standard input did not end in time'));
        },
        Math.max(0, timeoutMs),
      );
    });
    try {
      return await Promise.race([read, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** What is left of --timeout (`timeoutSeconds`) since the command started. */
  remainingMs(timeoutSeconds: number): number {
    return timeoutSeconds * 1000 - (Date.now() - this.startedAt);
  }
}
