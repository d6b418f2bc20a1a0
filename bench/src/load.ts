import autocannon from 'autocannon';
import { log } from './progress';
import { Scenario } from './scenarios';
import { RunningServer, Target } from './servers';
import { AUTHORIZATION } from './ids';

export interface Measurement {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The mean has sub-millisecond resolution, the percentiles whole milliseconds. */
  meanMs: number;
  /** Answers that were not 2xx, and socket errors/timeouts: a cell with either is suspect. */
  failures: number;
}

export interface Cell {
  scenario: string;
  connections: number;
  api: Measurement;
  baseline: Measurement;
  /** API req/s over baseline req/s (`cellRatio`): the figure we track (absolute numbers drift). */
  ratio: number;
  rounds: { api: Measurement[]; baseline: Measurement[] };
}

export interface LoadPlan {
  connections: number[];
  rounds: number;
  durationSeconds: number;
  warmupSeconds: number;
}

/**
 * Every scenario at every connection count: a warm-up of each server, then rounds that
 * alternate API and baseline (and swap who goes first each round, so a drift of the machine
 * falls on both alike); the median of the rounds is reported.
 */
export async function measureAll(
  scenarios: readonly Scenario[],
  servers: Record<Target, RunningServer>,
  plan: LoadPlan,
): Promise<Cell[]> {
  const cells: Cell[] = [];
  for (const scenario of scenarios) {
    for (const connections of plan.connections) {
      const cell = await measureCell(scenario, connections, servers, plan);
      log(`  ${describeCell(cell)}`);
      cells.push(cell);
    }
  }
  return cells;
}

async function measureCell(
  scenario: Scenario,
  connections: number,
  servers: Record<Target, RunningServer>,
  plan: LoadPlan,
): Promise<Cell> {
  for (const target of ['api', 'baseline'] as const) {
    await run(servers[target], scenario, connections, plan.warmupSeconds);
  }
  const rounds: Cell['rounds'] = { api: [], baseline: [] };
  for (let round = 0; round < plan.rounds; round++) {
    const order: Target[] = round % 2 === 0 ? ['api', 'baseline'] : ['baseline', 'api'];
    for (const target of order) {
      rounds[target].push(await run(servers[target], scenario, connections, plan.durationSeconds));
    }
  }
  const api = medianOf(rounds.api);
  const baseline = medianOf(rounds.baseline);
  return {
    scenario: scenario.name,
    connections,
    api,
    baseline,
    ratio: cellRatio({ rounds }),
    rounds,
  };
}

/**
 * The ratio of a cell: the median of its rounds' ratios (`roundRatios`), each of two runs made
 * back to back under the same load of the machine. Not the ratio of each side's median rate:
 * a shared machine's speed drifts during a cell, and the two medians can then fall in different
 * phases of it (a page's cell once gave 0.98 that way, where its rounds' ratios had a median of
 * 0.89).
 */
export function cellRatio(cell: Pick<Cell, 'rounds'>): number {
  return median(roundRatios(cell));
}

/**
 * Each round's API req/s ÷ the baseline's in the same round (the two ran back to back): their
 * spread is the noise of the machine the ratio was measured on.
 */
export function roundRatios(cell: Pick<Cell, 'rounds'>): number[] {
  return cell.rounds.api.map((api, round) => {
    const baseline = cell.rounds.baseline[round]?.requestsPerSecond ?? 0;
    return baseline > 0 ? api.requestsPerSecond / baseline : 0;
  });
}

async function run(
  server: RunningServer,
  scenario: Scenario,
  connections: number,
  durationSeconds: number,
): Promise<Measurement> {
  const result = await autocannon({
    url: server.url,
    connections,
    duration: durationSeconds,
    requests: [
      {
        method: scenario.method,
        headers: scenario.body
          ? { ...AUTHORIZATION, 'content-type': 'application/json' }
          : AUTHORIZATION,
        setupRequest: (request) => ({
          ...request,
          path: scenario.path(server.target),
          ...(scenario.body ? { body: scenario.body(server.target) } : {}),
        }),
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: result.latency.mean,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** Each figure's own median: the rounds are few, and one noisy round should not win. */
function medianOf(measurements: Measurement[]): Measurement {
  const medianOfAll = (pick: (m: Measurement) => number): number => median(measurements.map(pick));
  return {
    requestsPerSecond: medianOfAll((m) => m.requestsPerSecond),
    p50Ms: medianOfAll((m) => m.p50Ms),
    p99Ms: medianOfAll((m) => m.p99Ms),
    meanMs: medianOfAll((m) => m.meanMs),
    failures: measurements.reduce((sum, m) => sum + m.failures, 0),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function describeCell(cell: Cell): string {
  const side = (m: Measurement) =>
    `${Math.round(m.requestsPerSecond)} req/s p50 ${m.p50Ms} ms p99 ${m.p99Ms} ms${m.failures ? ` (${m.failures} failures!)` : ''}`;
  return `${cell.scenario} c=${cell.connections}: api ${side(cell.api)} | baseline ${side(cell.baseline)} | ratio ${cell.ratio.toFixed(2)}`;
}
