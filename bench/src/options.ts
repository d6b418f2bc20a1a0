/**
 * What one run of `npm run bench` does. `--quick` is the CI shape: one small database and short
 * rounds, so it finishes in well under 3 minutes on 2 cores; the full run adds the scale curve.
 */
export interface BenchOptions {
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
}

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
  const sizes = listOf(valueOf('sizes')) ?? (quick ? [QUICK_SIZE] : FULL_SIZES);
  const tasks = valueOf('tasks');
  const serverUrl = env.DATABASE_URL;
  if (!serverUrl?.startsWith('postgres')) {
    throw new Error(
      'Set DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres (the bench creates its own databases there)',
    );
  }
  return {
    quick,
    sizes: [...sizes].sort((a, b) => a - b),
    matrixSize: tasks ? Number(tasks) : quick ? QUICK_SIZE : 100_000,
    connections: listOf(valueOf('connections')) ?? [1, 16, 64],
    rounds: Number(valueOf('rounds') ?? (quick ? 1 : 3)),
    durationSeconds: Number(valueOf('duration') ?? (quick ? 1.5 : 3)),
    warmupSeconds: Number(valueOf('warmup') ?? (quick ? 0.5 : 1.5)),
    reuse: flags.has('--reuse'),
    keep: flags.has('--keep') || flags.has('--reuse'),
    serverUrl,
    resultsDir: valueOf('results') ?? 'bench/results',
  };
}

function listOf(text: string | undefined): number[] | undefined {
  return text ? text.split(',').map((part) => Number(part.replace(/_/g, ''))) : undefined;
}
