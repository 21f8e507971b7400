// A sandbox: a page (from a seed, or as a state file left it), its token, and the server over it;
// every change saved to the state file unless the sandbox is ephemeral.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import * as z from '../zod.js';
import { type ExtrasSnapshot, PageExtras } from './extras.js';
import { type ModelSnapshot, PageModel } from './model.js';
import { DEFAULT_SEED, pageFromSeed, type Seed, seedSchema } from './seed.js';
import { API_RATE_LIMIT, type SandboxServer, startSandboxServer } from './server.js';
import { claimState, loadState, STATE_ADVICE, saveState } from './store.js';

export interface SandboxSettings {
  /** The state file; undefined: ephemeral, in memory only. */
  dataPath?: string | undefined;
  /** The state file is the sandbox's default one (`sandbox reset` removes it whatever it holds). */
  ownPath?: boolean | undefined;
  seed?: Seed | undefined;
  port?: number | undefined;
  rateLimit?: boolean | undefined;
  latencyMs?: number | undefined;
}

export interface Sandbox {
  server: SandboxServer;
  token: string;
  model: PageModel;
  extras: PageExtras;
  /** true when the page came from the state file rather than a seed. */
  restored: boolean;
  close(): Promise<void>;
}

// Checked loosely: the file is the sandbox's own, and its objects are the model's.
const stateSchema = z.looseObject({
  version: z.literal(1),
  token: z.string().check(z.minLength(16)),
  model: z.looseObject({
    page: z.looseObject({ id: z.string() }),
    components: z.array(z.looseObject({ id: z.string(), name: z.string() })),
    incidents: z.array(z.looseObject({ id: z.string(), name: z.string(), status: z.string() })),
    notifications: z.array(z.unknown()),
    sequence: z.object({ incident: z.number(), update: z.number() }),
  }),
  extras: z.looseObject({
    templates: z.array(z.unknown()),
    postmortems: z.array(z.tuple([z.string(), z.unknown()])),
    subscribers: z.array(z.unknown()),
    subscriberCounts: z.record(z.string(), z.number()),
    sequence: z.object({ template: z.number(), subscriber: z.number() }),
  }),
});

interface StateFile {
  version: 1;
  token: string;
  model: ModelSnapshot;
  extras: ExtrasSnapshot;
}

export function checkState(json: unknown): StateFile {
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join('.') || '(file)'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data as unknown as StateFile;
}

/** A seed file (JSON), validated. */
export async function readSeed(path: string): Promise<Seed> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new UsageError(`--seed '${path}': not a readable JSON file (${why.replace(/\s+/g, ' ')})`);
  }
  const parsed = seedSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--seed '${path}': ${issue?.path.join('.') || '(file)'}: ${issue?.message ?? 'invalid'}`);
  }
  // What the schema cannot check (a template naming a component the seed lacks) is found by
  // building the page once, before any sandbox opens.
  try {
    pageFromSeed(parsed.data);
  } catch (error) {
    throw new UsageError(`--seed '${path}': ${error instanceof Error ? error.message : String(error)}`);
  }
  return parsed.data;
}

export async function openSandbox(settings: SandboxSettings): Promise<Sandbox> {
  const { dataPath } = settings;
  const release = dataPath === undefined ? () => {} : claimState(dataPath);
  try {
    return await open(settings, release);
  } catch (error) {
    release();
    throw error;
  }
}

async function open(settings: SandboxSettings, release: () => void): Promise<Sandbox> {
  const { dataPath } = settings;
  const stored =
    dataPath === undefined
      ? undefined
      : await loadState(dataPath, checkState, (settings.ownPath ?? true) ? STATE_ADVICE.own : STATE_ADVICE.data);
  let model: PageModel;
  let extras: PageExtras;
  let token: string;
  if (stored) {
    model = PageModel.fromSnapshot(stored.model);
    extras = new PageExtras(model);
    extras.restore(stored.extras);
    token = stored.token;
  } else {
    ({ model, extras } = pageFromSeed(settings.seed ?? DEFAULT_SEED));
    token = `sandbox-${randomBytes(12).toString('hex')}`;
  }
  const save = () => {
    if (dataPath !== undefined)
      saveState(dataPath, { version: 1, token, model: model.snapshot(), extras: extras.snapshot() });
  };
  if (!stored) save();
  let server: SandboxServer;
  try {
    server = await startSandboxServer({
      token,
      model,
      extras,
      port: settings.port,
      rateLimit: settings.rateLimit ? API_RATE_LIMIT : undefined,
      latencyMs: settings.latencyMs,
      onChange: save,
    });
  } catch (error) {
    throw portError(error, settings.port);
  }
  // Given up first: on Ctrl-C the process may exit before the server has closed.
  const close = async () => {
    release();
    await server.close();
  };
  return { server, token, model, extras, restored: stored !== undefined, close };
}

/** A port that cannot be listened on is the user's choice to change, not a crash. */
function portError(error: unknown, port: number | undefined): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') {
    return new UsageError(
      `--port ${port}: another program listens on 127.0.0.1:${port}; choose another port, or leave --port out for a free one`,
    );
  }
  if (code === 'EACCES') {
    return new UsageError(
      `--port ${port}: this user may not listen on it (ports below 1024 need privileges); choose another`,
    );
  }
  return error;
}
