// Start-up and request benchmarks for the built CLI (run `npm run bench`, which builds first).
//
// Each comparison alternates the two commands run after run (A B, B A, A B, …) from this one
// process, so a busy neighbour slows both sides alike, and reports medians and their ratio.
// Peak RSS and CPU time come from a separate pass (a preload reports them), so timed runs load nothing extra.
// create-incident runs against the fake Statuspage from the test suite on 127.0.0.1; its
// baseline is a minimal script sending the same POST with the global fetch.
//
//   node bench/bench.mjs [--runs N] [--clean-env] [--json]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'statuspage.js');
const fakeModule = join(root, 'build', 'test', 'support', 'fake-statuspage.js');
const rawFetch = join(root, 'bench', 'raw-fetch.mjs');
const usagePreload = join(root, 'bench', 'usage.cjs');

const TARGETS = { help: 1.25, usage: 1.4, create: 0.8, rssMiB: 60 };

const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const RUNS = runsArg === -1 ? 30 : Number(args[runsArg + 1]);
const RUSAGE_RUNS = Math.min(RUNS, 15);
const asJson = args.includes('--json');
const cleanEnv = args.includes('--clean-env');
if (!Number.isInteger(RUNS) || RUNS < 3) {
  console.error(`--runs '${args[runsArg + 1]}': give a whole number of at least 3`);
  process.exit(2);
}
for (const file of [join(root, 'dist', 'statuspage.mjs'), fakeModule]) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: run \`npm run build\` first (\`npm run bench\` does)`);
    process.exit(2);
  }
}

/**
 * This process's environment without what would change what the children do (STATUSPAGE_*,
 * proxies, NODE_OPTIONS). With --clean-env also without NODE_EXTRA_CA_CERTS and the other
 * NODE_* variables: loading extra CA certificates costs every Node process the same tens of
 * milliseconds, which hides start-up differences in the ratios.
 */
function childEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    const upper = key.toUpperCase();
    if (upper.startsWith('STATUSPAGE_') || upper.endsWith('_PROXY') || upper === 'NODE_OPTIONS') continue;
    if (cleanEnv && upper.startsWith('NODE_')) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/** Runs `node ...nodeArgs`; resolves with its wall time (spawn to exit), exit code and output. */
function run(nodeArgs, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let ms = 0;
    const child = spawn(process.execPath, nodeArgs, { env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    child.once('error', reject);
    child.once('exit', () => {
      ms = performance.now() - started;
    });
    child.once('close', (code) =>
      resolve({ ms, code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }),
    );
  });
}

async function expectRun(label, nodeArgs, env, expectedCode) {
  const result = await run(nodeArgs, env);
  if (result.code !== expectedCode) {
    throw new Error(`${label}: exit ${result.code}, expected ${expectedCode}\n${result.stderr}${result.stdout}`);
  }
  return result;
}

/** The q-quantile (0.5 = median) by linear interpolation. */
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low);
};
const median = (values) => quantile(values, 0.5);
const spread = (values) => `${round(quantile(values, 0.25), 0)}–${round(quantile(values, 0.75), 0)}`;

/** Alternates A and B `RUNS` times each after three warm-up rounds; `before`/`check` wrap each timed run. */
async function compare(a, b) {
  for (let i = 0; i < 3; i++) {
    await expectRun(a.label, a.args, a.env, a.code);
    await expectRun(b.label, b.args, b.env, b.code);
  }
  const times = { a: [], b: [] };
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
    for (const side of order) {
      const spec = side === 'a' ? a : b;
      spec.before?.();
      const result = await expectRun(spec.label, spec.args, spec.env, spec.code);
      spec.check?.(result);
      times[side].push(result.ms);
    }
  }
  const ma = median(times.a);
  const mb = median(times.b);
  return {
    a: a.label,
    b: b.label,
    medianMs: [round(ma), round(mb)],
    interquartileMs: [spread(times.a), spread(times.b)],
    ratio: round(ma / mb, 2),
  };
}

/**
 * Peak RSS and CPU time (user + system, all threads) of each command, `RUSAGE_RUNS` rounds
 * of all of them in turn. CPU time hardly depends on what else the machine runs, so its
 * ratios are a steadier check of the wall-clock ones on a busy machine.
 */
async function resourcePass(specs) {
  const dir = mkdtempSync(join(tmpdir(), 'statuspage-bench-'));
  try {
    const files = specs.map((_, i) => join(dir, `${i}.txt`));
    for (let round = 0; round < RUSAGE_RUNS; round++) {
      for (const [i, spec] of specs.entries()) {
        const env = { ...spec.env, BENCH_USAGE_FILE: files[i] };
        await expectRun(spec.label, ['--require', usagePreload, ...spec.args], env, spec.code);
      }
    }
    return specs.map((spec, i) => {
      const rows = readFileSync(files[i], 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split(' ').map(Number));
      const kib = rows.map(([rss]) => rss);
      const cpuMs = rows.map(([, us]) => us / 1000);
      return {
        label: spec.label,
        cpuMs: round(median(cpuMs)),
        rssMiB: round(median(kib) / 1024, 1),
        maxRssMiB: round(Math.max(...kib) / 1024, 1),
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function describeEnv() {
  const extraCa = process.env.NODE_EXTRA_CA_CERTS;
  return extraCa ? `as inherited, with NODE_EXTRA_CA_CERTS=${extraCa}` : 'as inherited';
}

function round(value, digits = 1) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const loadStart = loadavg();
const { startFakeStatuspage } = await import(pathToFileURL(fakeModule).href);
const server = await startFakeStatuspage();
try {
  const env = childEnv({
    STATUSPAGE_API_URL: server.url,
    STATUSPAGE_TOKEN: server.token,
    STATUSPAGE_PAGE_ID: server.pageId,
  });
  const bare = childEnv();
  const create = [
    'create-incident',
    '-t',
    'Bench incident',
    '-s',
    'investigating',
    '-i',
    'major',
    '-c',
    'cmp000000001',
  ];
  create.push('-m', 'We are investigating elevated error rates.');

  // The raw script sends exactly the request the CLI would, as its dry run prints it.
  const dry = await expectRun('dry run', [bin, ...create, '--dry-run', '--json'], env, 0);
  create.push('-q');
  const described = JSON.parse(dry.stdout);

  const node0 = { label: 'node -e 0', args: ['-e', '0'], env: bare, code: 0 };
  const help = { label: 'statuspage --help', args: [bin, '--help'], env: bare, code: 0 };
  const usage = {
    label: 'statuspage create-incident -s bogus (usage error)',
    args: [bin, 'create-incident', '-p', 'pg0000000001', '-t', 'x', '-s', 'bogus'],
    env: bare,
    code: 2,
  };
  const unknownFlag = {
    label: 'statuspage create-incident --bogus (unknown flag)',
    args: [bin, 'create-incident', '--bogus'],
    env: bare,
    code: 2,
  };
  // Every request the server records during a CLI run belongs to that run: runs never overlap.
  const requestCounts = [];
  let mark = 0;
  const cli = {
    label: 'statuspage create-incident',
    args: [bin, ...create],
    env,
    code: 0,
    before: () => {
      mark = server.requests.length;
    },
    check: () => requestCounts.push(server.requests.length - mark),
  };
  const raw = {
    label: 'raw fetch POST',
    args: [rawFetch, described.url, JSON.stringify(described.body)],
    env: { ...env, BENCH_TOKEN: server.token },
    code: 0,
  };

  const results = {
    help: await compare(help, node0),
    usage: await compare(usage, node0),
    unknownFlag: await compare(unknownFlag, node0),
    create: await compare(cli, raw),
  };
  const [node0Use, helpUse, usageUse, cliUse, rawUse] = await resourcePass([node0, help, usage, cli, raw]);
  const usageRows = [
    { ...helpUse, baseline: node0Use },
    { ...usageUse, baseline: node0Use },
    { ...cliUse, baseline: rawUse },
    node0Use,
    rawUse,
  ].map((r) => (r.baseline ? { ...r, cpuRatio: round(r.cpuMs / r.baseline.cpuMs, 2), baseline: r.baseline.label } : r));
  const requestsPerCreate = [...new Set(requestCounts)];

  const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
  const machine = {
    cpu,
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 0),
    loadAverage: `${loadStart.map((l) => l.toFixed(1)).join(' ')} at the start, ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at the end`,
    os: `${type()} ${release()}`,
    node: process.version,
    runs: RUNS,
    environment: cleanEnv ? 'clean (no NODE_* variables)' : describeEnv(),
  };
  const report = { machine, results, resources: usageRows, requestsPerCreate, targets: TARGETS };
  if (asJson) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    const verdict = (ok) => (ok ? 'meets' : 'MISSES');
    const cell = (r, i) => `${r.medianMs[i]} ms (${r.interquartileMs[i]})`;
    const row = (r, target) =>
      `| ${r.a} vs ${r.b} | ${cell(r, 0)} | ${cell(r, 1)} | ${r.ratio}× | ${target === undefined ? '–' : `≤ ${target}× (${verdict(r.ratio <= target)})`} |`;
    const lines = [
      `Machine: ${cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${process.version}; load average ${machine.loadAverage}.`,
      `${RUNS} alternating runs of each command after 3 warm-up rounds; environment: ${machine.environment}.`,
      '',
      '| comparison | statuspage, median (middle half) | baseline | ratio of medians | target |',
      '|---|---|---|---|---|',
      row(results.help, TARGETS.help),
      row(results.usage, TARGETS.usage),
      row(results.unknownFlag),
      row(results.create, TARGETS.create),
      '',
      `| ${RUSAGE_RUNS} more runs each | CPU time, median | CPU ratio | peak RSS, median (largest) | RSS target |`,
      '|---|---|---|---|---|',
      ...usageRows.map((r) => {
        const ratio = r.cpuRatio === undefined ? '–' : `${r.cpuRatio}× ${r.baseline}`;
        const target = r.label.startsWith('statuspage')
          ? `≤ ${TARGETS.rssMiB} MiB (${verdict(r.maxRssMiB <= TARGETS.rssMiB)})`
          : '–';
        return `| ${r.label} | ${r.cpuMs} ms | ${ratio} | ${r.rssMiB} MiB (${r.maxRssMiB}) | ${target} |`;
      }),
      '',
      `HTTP requests per create-incident run: ${requestsPerCreate.join(', ')} (${verdict(requestsPerCreate.length === 1 && requestsPerCreate[0] === 1)} exactly 1)`,
    ];
    console.log(lines.join('\n'));
  }
  if (server.validationErrors.length > 0) {
    console.error(`the fake server rejected requests:\n${server.validationErrors.join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  await server.close();
}
