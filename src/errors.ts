// Every failure the CLI reports maps to one exit code, so scripts can branch on it.
export const ExitCode = {
  ok: 0,
  /** The API refused the request (400, 409, 422, other 4xx) or failed (5xx). */
  apiError: 1,
  /** Bad flags or arguments: nothing was sent. */
  usage: 2,
  /** The keychain could not be read or written. */
  keychain: 3,
  /** No token, or the API rejected it (401, 403). */
  auth: 4,
  /** The page, incident or component does not exist (404). */
  notFound: 5,
  /** Still rate limited (420, 429) after every retry. */
  rateLimited: 6,
  /** Network failure, TLS failure or timeout: the API was not reached or did not answer in time. */
  network: 7,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error whose message is fit to show the user as it is, on one line. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Bad input: reported before anything is sent. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.usage);
    this.name = 'UsageError';
  }
}
