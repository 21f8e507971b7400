// What a command needs to talk to one Statuspage page: the page ID, the token (looked up
// only when a request is really sent) and a client. --dry-run is decided here, once:
// writes are printed instead of sent; reads still go out when a token is available.
import type { ApiClient } from '../api/client.js';
import type { ApiRequest } from '../api/endpoints.js';
import { loadKeychain } from '../auth/keychain.js';
import { type ResolvedToken, resolveToken } from '../auth/token.js';
import { CliError, UsageError } from '../errors.js';
import { whileInFlight } from '../interrupt.js';
import { describeRequest, MASKED_AUTHORIZATION, NO_TOKEN_AUTHORIZATION, renderDryRun } from '../output/dry-run.js';
import type { Env, Io } from '../output/io.js';
import { apiBaseUrl } from './api-url.js';
import { openClient } from './open-transport.js';
import { type CommonOptions, idSchema } from './option-schemas.js';

/** `needsPage: false`: a command that may not name a page (`statuspage api /pages`) asks for one only when it uses it. */
export interface SessionScope {
  needsPage?: boolean;
}

export class Session {
  readonly baseUrl: string;
  private page: string | undefined;
  /** --timeout counts from here: token lookup, every request and every wait between retries. */
  private readonly startedAt: number;
  private client: Promise<ApiClient> | undefined;
  private token: Promise<ResolvedToken> | undefined;

  constructor(
    readonly io: Io,
    readonly options: CommonOptions,
    { needsPage = true }: SessionScope = {},
  ) {
    this.startedAt = io.startedAt;
    if (needsPage) this.page = resolvePageId(options.page, io.env);
    this.baseUrl = apiBaseUrl(io.env, options.allowHttp);
  }

  get pageId(): string {
    this.page ??= resolvePageId(this.options.page, this.io.env);
    return this.page;
  }

  get dryRun(): boolean {
    return this.options.dryRun;
  }

  /** A request that changes nothing: sent even under --dry-run. */
  async read<T>(req: ApiRequest<T>): Promise<T> {
    return (await this.connect()).send(req);
  }

  /** Runs reads a command needs before it writes; under --dry-run a failure says why they were made. */
  async readingFor<T>(why: string, reads: () => Promise<T>): Promise<T> {
    try {
      return await reads();
    } catch (error) {
      if (error instanceof CliError && this.options.dryRun) {
        throw new CliError(`${why}, even with --dry-run: ${error.message}`, error.exitCode, { cause: error });
      }
      throw error;
    }
  }

  /** A request that changes the page: under --dry-run it is printed and `undefined` is returned. */
  async write<T>(req: ApiRequest<T>): Promise<T | undefined> {
    if (this.options.dryRun) {
      const authorization = await this.authorizationShown();
      if (this.options.json) this.io.json({ dry_run: true, ...describeRequest(this.baseUrl, req, authorization) });
      else this.io.out(renderDryRun(this.baseUrl, req, authorization));
      return undefined;
    }
    const client = await this.connect();
    return whileInFlight(req.interrupted, () => client.send(req));
  }

  /** A dry run says whether a real run would have a token, without ever showing it. */
  private async authorizationShown(): Promise<string> {
    try {
      await this.resolveToken();
      return MASKED_AUTHORIZATION;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      return NO_TOKEN_AUTHORIZATION;
    }
  }

  resolveToken(): Promise<ResolvedToken> {
    this.token ??= resolveToken(this.io, {
      flag: this.options.token,
      timeout: this.options.timeout,
      keychainService: this.options.keychainService,
      keychainUser: this.options.keychainUser,
      loadKeychain: () => loadKeychain(this.io.env, this.io.platform, this.io.remainingMs(this.options.timeout)),
    });
    return this.token;
  }

  private connect(): Promise<ApiClient> {
    this.client ??= this.resolveToken().then(({ token }) =>
      openClient(this.io, { ...this.options, baseUrl: this.baseUrl, token, startedAt: this.startedAt }),
    );
    return this.client;
  }

  async close(): Promise<void> {
    if (this.client) await (await this.client.catch(() => undefined))?.close();
  }
}

/** Runs `body` with a session for the page, and always releases its connections. */
export async function withSession<T>(
  io: Io,
  options: CommonOptions,
  body: (session: Session) => Promise<T>,
  scope: SessionScope = {},
): Promise<T> {
  const session = new Session(io, options, scope);
  try {
    return await body(session);
  } finally {
    await session.close();
  }
}

export function resolvePageId(flag: string | undefined, env: Env): string {
  const raw = flag ?? env.STATUSPAGE_PAGE_ID;
  if (raw === undefined || raw.trim() === '') {
    throw new UsageError('--page is required (or set STATUSPAGE_PAGE_ID)');
  }
  const parsed = idSchema.safeParse(raw);
  if (!parsed.success) {
    const source = flag === undefined ? 'STATUSPAGE_PAGE_ID' : '--page';
    throw new UsageError(`${source} '${raw}': ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
