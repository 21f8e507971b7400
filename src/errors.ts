// Every failure the CLI reports maps to one exit code, so scripts can branch on it. The table
// below is the one source: the errors use its codes, and `--help` prints its labels.
export const EXIT_CODES = {
  ok: { code: 0, label: 'ok' },
  /** The API refused the request (400, 409, 422, other 4xx) or failed (5xx). */
  apiError: { code: 1, label: 'API error' },
  /** Bad flags or arguments: nothing was sent. */
  usage: { code: 2, label: 'usage' },
  /** The keychain could not be read or written. */
  keychain: { code: 3, label: 'keychain' },
  /** No token, or the API rejected it (401, 403). */
  auth: { code: 4, label: 'auth' },
  /** The page, incident or component does not exist (404). */
  notFound: { code: 5, label: 'not found' },
  /** Still rate limited (420, 429) after every retry. */
  rateLimited: { code: 6, label: 'rate limited' },
  /** Network failure, TLS failure or timeout, or a write whose outcome is unknown. */
  network: { code: 7, label: 'network/timeout/unknown outcome' },
  /** A bug: the CLI failed in a way it does not expect (as sysexits' EX_SOFTWARE). */
  internal: { code: 70, label: 'internal error' },
} as const;

type ExitCodeName = keyof typeof EXIT_CODES;
export type ExitCode = (typeof EXIT_CODES)[ExitCodeName]['code'];
export const ExitCode = Object.fromEntries(Object.entries(EXIT_CODES).map(([name, { code }]) => [name, code])) as {
  readonly [K in ExitCodeName]: (typeof EXIT_CODES)[K]['code'];
};

/** "0 ok, 1 API error, 2 usage, …": the line help prints. */
export function exitCodeSummary(): string {
  return Object.values(EXIT_CODES)
    .map(({ code, label }) => `${code} ${label}`)
    .join(', ');
}

/** An error whose message is fit to show the user as it is, on one line. */
export class CliError extends Error {
  override readonly name: string = 'CliError';

  constructor(
    message: string,
    readonly exitCode: ExitCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /**
   * The same error, kind and fields kept (and its exit code, unless the note changes what it
   * means), with what was done about it appended ("…; gave up after 3 retries"); the original
   * is its cause.
   */
  withNote(text: string, exitCode: ExitCode = this.exitCode): this {
    const noted = Object.create(Object.getPrototypeOf(this) as object) as this;
    Object.assign(noted, this);
    Object.defineProperties(noted, {
      exitCode: { value: exitCode, writable: false, configurable: true, enumerable: true },
      message: { value: `${this.message}; ${text}`, writable: true, configurable: true },
      cause: { value: this, writable: true, configurable: true },
      stack: { value: this.stack, writable: true, configurable: true },
    });
    return noted;
  }
}

/** Bad input: reported before anything is sent. */
export class UsageError extends CliError {
  override readonly name: string = 'UsageError';

  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

/**
 * An outcome that is not a failure of the CLI but must still set the exit code (`status
 * --exit-status` finding something open, a declined confirmation): `line`, if any, is printed as
 * it is, without the `error:` prefix.
 */
export class ExitStatus extends CliError {
  override readonly name: string = 'ExitStatus';

  constructor(
    /** A code of the table, or one passed through (`sandbox exec` exits with its command's). */
    exitCode: ExitCode | number,
    readonly line?: string,
  ) {
    super(line ?? '', exitCode as ExitCode);
  }
}

const FILE_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
};

/** Why a file could not be read, in words (`no such file`), with the code for anything rarer. */
export function fileProblem(error: unknown): string {
  const code = (error as { code?: string }).code;
  return (code && FILE_PROBLEMS[code]) ?? code ?? 'unreadable';
}
