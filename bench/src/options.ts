/**
 * What one run of `npm run bench` does. `--quick` is the CI shape: one small database and short
 * rounds, so it finishes in well under 3 minutes on 2 cores; the full run adds the scale curve;
 * `--targets` times only the requests that have targets, at 100k tasks and 16 connections,
 * with more and longer rounds.
 */
export interface BenchOptions {
  mode: 'quick' | 'full' | 'targets';
  quick: boolean;
  /** Database sizes to seed, smallest first; the last one gets the EXPLAIN plans. */
  sizes: number[];
  /** The size that gets the whole matrix (every scenario at every connection count). */
  matrixSize: number;
  connections: number[];
  rounds: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Keep a seeded database with the same size and seed version instead of seeding again. */
  reuse: boolean;
  /** Leave the databases on the server afterwards (for `--reuse` or a look with psql). */
  keep: boolean;
  serverUrl: string;
  resultsDir: string;
  /** Only the scenarios with these keys (`scenarioKey`: `get-tasks-id`...); all when empty. */
  only: string[];
  /** The baseline server's script (default: the bench's own). */
  baseline: string;
  /** Databases are `<prefix><size>`; another prefix keeps two runs on one server apart. */
  databasePrefix: string;
}

/** The requests that have targets: by id, a page of 50, a create (keys of `scenarioKey`). */
export const TARGET_SCENARIOS = ['get-tasks-id', 'get-tasks-limit-50', 'post-tasks'];

const QUICK_SIZE = 10_000;
const FULL_SIZES = [10_000, 100_000, 1_000_000];

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const flags = new Set(argv.filter((arg) => arg.startsWith('--') && !arg.includes('=')));
  const valueOf = (name: string): string | undefined => {
    const inline = argv.find((arg) => arg.startsWith(`--${name}=`));
    if (inline) return inline.slice(name.length + 3);
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const quick = flags.has('--quick');
  const targets = flags.has('--targets');
  const sizes =
    listOf(valueOf('sizes')) ?? (quick ? [QUICK_SIZE] : targets ? [100_000] : FULL_SIZES);
  const tasks = valueOf('tasks');
  const serverUrl = env.DATABASE_URL;
  if (!serverUrl?.startsWith('postgres')) {
    throw new Error(
      'Set DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres (the bench creates its own databases there)',
    );
  }
  const prefix = valueOf('database-prefix') ?? 'task_api_bench_';
  if (!/^task_api_bench_[a-z0-9_]*$/.test(prefix)) {
    throw new Error('--database-prefix must start with task_api_bench_ (lower case, digits, _)');
  }
  return {
    mode: quick ? 'quick' : targets ? 'targets' : 'full',
    quick,
    sizes: [...sizes].sort((a, b) => a - b),
    matrixSize: tasks ? Number(tasks) : quick ? QUICK_SIZE : 100_000,
    connections: listOf(valueOf('connections')) ?? (targets ? [16] : [1, 16, 64]),
    // Enough rounds that the median outlasts a burst of a shared machine: single rounds have
    // been seen from 0.53 to 1.36 of the round beside them (a spread of ±0.05 to ±0.13 around
    // their median), which leaves the median of 21 within about ±0.03.
    rounds: Number(valueOf('rounds') ?? (quick ? 1 : targets ? 21 : 5)),
    durationSeconds: Number(valueOf('duration') ?? (quick ? 1.5 : 3)),
    warmupSeconds: Number(valueOf('warmup') ?? (quick ? 0.5 : targets ? 2 : 1.5)),
    reuse: flags.has('--reuse'),
    keep: flags.has('--keep') || flags.has('--reuse'),
    serverUrl,
    resultsDir: valueOf('results') ?? 'bench/results',
    only: valueOf('only')?.split(',') ?? (targets ? TARGET_SCENARIOS : []),
    baseline: valueOf('baseline') ?? 'bench/baseline/server.ts',
    databasePrefix: prefix,
  };
}

function listOf(text: string | undefined): number[] | undefined {
  return text ? text.split(',').map((part) => Number(part.replace(/_/g, ''))) : undefined;
}
