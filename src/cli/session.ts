// What a command needs to talk to one Statuspage page: the page ID, the token (looked up
// only when a request is really sent) and a client. --dry-run is decided here, once:
// writes are printed instead of sent; reads still go out when a token is available.
import type { ApiClient } from '../api/client.js';
import { type ApiRequest, listPages } from '../api/endpoints.js';
import type { Page } from '../api/schemas.js';
import { loadKeychain } from '../auth/keychain.js';
import { type ResolvedToken, resolveToken } from '../auth/token.js';
import { assertOneChoice, type ChosenProfile, chosenProfile, readConfig } from '../config/config.js';
import { CliError, UsageError } from '../errors.js';
import { whileInFlight } from '../interrupt.js';
import { describeRequest, MASKED_AUTHORIZATION, NO_TOKEN_AUTHORIZATION, renderDryRun } from '../output/dry-run.js';
import type { Env, Io } from '../output/io.js';
import { profileApiUrl } from './api-url.js';
import { lastLook } from './last-look.js';
import { openClient } from './open-transport.js';
import { type CommonOptions, idSchema } from './option-schemas.js';
import { type Prompter, prompter } from './prompts.js';

/** `needsPage: false`: a command that may not name a page (`statuspage api /pages`) asks for one only when it uses it. */
export interface SessionScope {
  needsPage?: boolean;
}

export class Session {
  readonly baseUrl: string;
  /** The profile in use, if any (config/config.ts). */
  readonly profile: ChosenProfile | undefined;
  /** The page's ID, once open() has resolved a page given by name; undefined when none was named. */
  private page: string | undefined;
  /** --timeout counts from here: token lookup, every request and every wait between retries. */
  private readonly startedAt: number;
  private readonly keychainUser: string | undefined;
  private client: Promise<ApiClient> | undefined;
  private token: Promise<ResolvedToken> | undefined;
  /** Time spent waiting for a person at a prompt: --timeout bounds the API, not the person. */
  private personMs = 0;
  /** personMs when the client was opened: its deadline is moved by reopening it. */
  private clientPersonMs = 0;
  private prompter: Prompter | undefined;
  /** `--dry-run --json`: the requests, printed as one JSON document when the session closes. */
  private readonly dryRuns: object[] = [];

  private constructor(
    readonly io: Io,
    readonly options: CommonOptions,
    profile: ChosenProfile | undefined,
    page: string | undefined,
  ) {
    this.startedAt = io.startedAt;
    this.profile = profile;
    this.page = page;
    this.baseUrl = profileApiUrl(io.env, options.allowHttp, profile);
    this.keychainUser = options.keychainUser ?? profile?.profile.keychain_user;
  }

  /**
   * A session for the page named by --page, STATUSPAGE_PAGE_ID or the profile (required unless
   * `needsPage` is false). A page given by name rather than ID costs one GET /pages.
   */
  static async open(io: Io, options: CommonOptions, { needsPage = true }: SessionScope = {}): Promise<Session> {
    const { path, config } = await readConfig(io.env);
    const profile = chosenProfile(config, options.profile, io.env, path);
    const ref = pageRef(options.page, io.env, profile, needsPage);
    const session = new Session(io, options, profile, ref);
    if (ref !== undefined && !looksLikeId(ref)) session.page = await session.pageByName(ref);
    return session;
  }

  get pageId(): string {
    if (this.page === undefined) throw new UsageError(NO_PAGE);
    return this.page;
  }

  private async pageByName(name: string): Promise<string> {
    const pages = await this.readingFor(`--page '${name}': finding a page by name reads your pages`, () =>
      this.read(listPages()),
    );
    return matchPage(name, pages).id;
  }

  get dryRun(): boolean {
    return this.options.dryRun;
  }

  /** Whether a person can be asked for what is missing (Io.interactive, with --no-input). */
  get interactive(): boolean {
    return this.io.interactive(this.options.input === false);
  }

  /** Questions for the person at the terminal (cli/prompts.ts); check `interactive` first. */
  get prompts(): Prompter {
    this.prompter ??= prompter(this.io, (asking) => this.waitForPerson(asking));
    return this.prompter;
  }

  /** Runs a question; the time it takes is added to the --timeout deadline. */
  async waitForPerson<T>(asking: () => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      return await asking();
    } finally {
      this.personMs += Date.now() - started;
    }
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

  /**
   * A request that changes the page: under --dry-run it is printed and `undefined` is returned.
   * At a terminal, a write that posts to subscribers is shown and confirmed first (cli/last-look.ts).
   */
  async write<T>(req: ApiRequest<T>): Promise<T | undefined> {
    if (this.options.dryRun) {
      const authorization = await this.authorizationShown();
      if (this.options.json) this.dryRuns.push({ dry_run: true, ...describeRequest(this.baseUrl, req, authorization) });
      else this.io.out(renderDryRun(this.baseUrl, req, authorization));
      return undefined;
    }
    if (this.looksFirst(req)) await lastLook(this, req);
    const client = await this.connect();
    return whileInFlight(req.interrupted, () => client.send(req));
  }

  /**
   * The last look before a broadcast: a write that posts to subscribers (or says it notifies), at a
   * terminal, unless --yes or the profile's `confirm: false` says not to ask. Scripts never get it.
   */
  private looksFirst(req: ApiRequest<unknown>): boolean {
    if (req.preview === undefined && req.notifies !== true) return false;
    if (this.options.yes === true || this.profile?.profile.confirm === false) return false;
    return this.interactive;
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
    // `--token -` at a terminal asks for it: a person's time, as at any prompt.
    const asks = this.options.token === '-' && this.io.stdinIsTTY;
    const started = Date.now();
    this.token ??= resolveToken(this.io, {
      flag: this.options.token,
      timeout: this.options.timeout,
      keychainService: this.options.keychainService,
      keychainUser: this.keychainUser,
      loadKeychain: () => loadKeychain(this.io.env, this.io.platform, this.io.remainingMs(this.options.timeout)),
    }).finally(() => {
      if (asks) this.personMs += Date.now() - started;
    });
    return this.token;
  }

  /**
   * The client, with the --timeout deadline counted from the start plus the time spent at prompts:
   * after a question it is reopened, so a person who took a minute to answer still has the API's
   * time left.
   */
  private connect(): Promise<ApiClient> {
    if (this.client && this.clientPersonMs === this.personMs) return this.client;
    const previous = this.client;
    this.client = (async () => {
      if (previous) await (await previous.catch(() => undefined))?.close();
      const { token } = await this.resolveToken();
      this.clientPersonMs = this.personMs;
      return openClient(this.io, {
        ...this.options,
        baseUrl: this.baseUrl,
        token,
        startedAt: this.startedAt + this.personMs,
      });
    })();
    return this.client;
  }

  /** Releases the connections; prints what `--dry-run --json` collected: one object, or an array of several. */
  async close(): Promise<void> {
    if (this.dryRuns.length > 0) this.io.json(this.dryRuns.length === 1 ? this.dryRuns[0] : this.dryRuns);
    this.dryRuns.length = 0;
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
  const session = await Session.open(io, options, scope);
  try {
    return await body(session);
  } finally {
    await session.close();
  }
}

const NO_PAGE = '--page is required (or set STATUSPAGE_PAGE_ID, or add a profile: statuspage profile add)';

/** A page reference as given: --page, else STATUSPAGE_PAGE_ID, else the profile's page. */
function pageRef(
  flag: string | undefined,
  env: Env,
  profile: ChosenProfile | undefined,
  required: boolean,
): string | undefined {
  const fromEnv = env.STATUSPAGE_PAGE_ID?.trim() ? env.STATUSPAGE_PAGE_ID : undefined;
  if (flag === undefined) assertOneChoice('STATUSPAGE_PAGE_ID', fromEnv, profile?.profile.page, profile);
  const raw = flag ?? fromEnv ?? profile?.profile.page;
  if (raw === undefined || raw.trim() === '') {
    if (!required) return undefined;
    throw new UsageError(NO_PAGE);
  }
  if (flag !== undefined) return flag.trim();
  const parsed = idSchema.safeParse(raw);
  if (!parsed.success) {
    const source = fromEnv !== undefined ? 'STATUSPAGE_PAGE_ID' : `the page of profile '${profile?.name}'`;
    throw new UsageError(`${source} '${raw}': ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

// As component IDs: 12 lowercase letters and digits, with a digit (a page named "statuspages1"
// still works: it merely costs the lookup).
const PAGE_ID = /^(?=[a-z]*[0-9])[a-z0-9]{12}$/;
const looksLikeId = (ref: string) => PAGE_ID.test(ref);

/** A page by its ID or its name (exact, case-insensitive); anything else is a usage error listing the pages. */
export function matchPage(ref: string, pages: readonly Page[]): Page {
  const byId = pages.find((p) => p.id === ref);
  if (byId) return byId;
  const wanted = ref.trim().toLowerCase();
  const named = pages.filter((p) => (p.name ?? '').trim().toLowerCase() === wanted);
  const list = (some: readonly Page[]) => some.map((p) => `'${p.name ?? ''}' (${p.id})`).join(', ');
  if (named.length === 1) return named[0] as Page;
  if (named.length > 1) throw new UsageError(`--page '${ref}' names ${named.length} pages: ${list(named)}; use an ID`);
  throw new UsageError(
    `--page '${ref}' is not one of your pages${pages.length ? `; they are: ${list(pages.slice(0, 10))}` : ''}`,
  );
}
