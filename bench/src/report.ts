import { ExplainedRequest } from './explain';
import { Cell, Measurement, roundRatios } from './load';
import { SeedTimings } from './seed';

export interface SizeResult {
  size: number;
  /** null when `--reuse` found the database already seeded. */
  seeding: SeedTimings | null;
  cells: Cell[];
  explain?: ExplainedRequest[];
}

export interface BenchReport {
  date: string;
  mode: 'quick' | 'full' | 'targets';
  /** The baseline server's script (reports before it was recorded: the bench's own). */
  baseline?: string;
  command: string;
  machine: {
    cpus: number;
    cpuModel: string;
    node: string;
    postgres: string;
    loadAverage: number[];
  };
  plan: { rounds: number; durationSeconds: number; warmupSeconds: number; connections: number[] };
  matrixSize: number;
  sizes: SizeResult[];
  totalSeconds: number;
}

const SCALE_CONNECTIONS = 1;
const DEFAULT_BASELINE = 'bench/baseline/server.ts';
const formatSize = (size: number): string =>
  size >= 1_000_000 ? `${size / 1_000_000}M` : size >= 1_000 ? `${size / 1_000}k` : String(size);
const num = (value: number): string => Math.round(value).toLocaleString('en');
const ms = (value: number): string =>
  value < 10 ? value.toFixed(1) : Math.round(value).toString();

/** The median latency at 1 connection of each scale scenario, per size: the scale curve. */
export function scaleCurve(
  report: BenchReport,
): { scenario: string; points: { size: number; api: Measurement; baseline: Measurement }[] }[] {
  const names = [
    ...new Set(report.sizes.flatMap((s) => s.cells.map((cell) => cell.scenario))),
  ].filter((name) => name.startsWith('GET'));
  const curve = names.map((scenario) => ({
    scenario,
    points: report.sizes.flatMap((sizeResult) => {
      const cell = sizeResult.cells.find(
        (c) => c.scenario === scenario && c.connections === SCALE_CONNECTIONS,
      );
      return cell ? [{ size: sizeResult.size, api: cell.api, baseline: cell.baseline }] : [];
    }),
  }));
  return curve.filter(({ points }) => points.length > 0);
}

export function renderMarkdown(
  report: BenchReport,
  chartFile: string,
  explainFile?: string,
): string {
  const matrix = report.sizes.find((s) => s.size === report.matrixSize);
  const lines = [
    `# Benchmark ${report.date} (${report.mode})`,
    '',
    `\`${report.command}\` — ${report.machine.cpus} cores (${report.machine.cpuModel}), Node ${report.machine.node}, ` +
      `PostgreSQL ${report.machine.postgres}; load average at start ${report.machine.loadAverage.map((l) => l.toFixed(2)).join(', ')} ` +
      `(the machine is shared: absolute numbers are noisy, the ratio to the baseline is the figure). ` +
      `${report.plan.rounds} round(s) of ${report.plan.durationSeconds} s per cell after a ${report.plan.warmupSeconds} s warm-up, ` +
      `API and baseline alternating; medians. Whole run: ${Math.round(report.totalSeconds)} s.` +
      (report.baseline && report.baseline !== DEFAULT_BASELINE
        ? ` Baseline: \`${report.baseline}\` (not the bench's own).`
        : ''),
    '',
    `![scale curve and ratios](${chartFile})`,
    '',
    '## Seeding',
    '',
    '| tasks | tags | task_tags | reminders | time | phases |',
    '| ---: | ---: | ---: | ---: | ---: | --- |',
    ...report.sizes.map(({ size, seeding }) =>
      seeding
        ? `| ${num(size)} | ${num(seeding.rows.tags)} | ${num(seeding.rows.task_tags)} | ${num(seeding.rows.reminders)} | ${(seeding.totalMs / 1000).toFixed(1)} s | ${Object.entries(
            seeding.phasesMs,
          )
            .map(([phase, t]) => `${phase} ${(t / 1000).toFixed(1)} s`)
            .join(', ')} |`
        : `| ${num(size)} | | | | reused | |`,
    ),
    '',
    `## Requests at ${num(report.matrixSize)} tasks`,
    '',
    "req/s and latency in ms, each side's median round; ratio = API req/s ÷ baseline req/s of the same round (the two back to back), the median of the rounds.",
    '',
    '| request | conns | API req/s | API p50 | API p99 | baseline req/s | baseline p50 | baseline p99 | ratio |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...(matrix?.cells ?? []).map(
      (c) =>
        `| ${c.scenario} | ${c.connections} | ${num(c.api.requestsPerSecond)} | ${ms(c.api.p50Ms)} | ${ms(c.api.p99Ms)} | ` +
        `${num(c.baseline.requestsPerSecond)} | ${ms(c.baseline.p50Ms)} | ${ms(c.baseline.p99Ms)} | ${c.ratio.toFixed(2)}${c.api.failures + c.baseline.failures ? ' ⚠ failures' : ''} |`,
    ),
    '',
    ...scaleLines(report),
    ...targetLines(report),
    ...explainSummary(report, explainFile),
  ];
  return `${lines.join('\n')}\n`;
}

/** The scale curve as a table; nothing when the run timed no request at 1 connection. */
function scaleLines(report: BenchReport): string[] {
  const curve = scaleCurve(report);
  if (curve.length === 0) return [];
  return [
    '## Scale curve',
    '',
    `Mean latency in ms at ${SCALE_CONNECTIONS} connection, API (baseline): autocannon's percentiles have whole-millisecond ` +
      'resolution, too coarse here. The deep page is page 1,000 of a walk with limit=50 (at 10k tasks page 199, the last full one).',
    '',
    `| request | ${report.sizes.map((s) => formatSize(s.size)).join(' | ')} | largest ÷ smallest (API) |`,
    `| --- | ${report.sizes.map(() => '---:').join(' | ')} | ---: |`,
    ...curve.map(({ scenario, points }) => {
      const first = points[0]?.api.meanMs ?? 0;
      const last = points[points.length - 1]?.api.meanMs ?? 0;
      return `| ${scenario} | ${points.map((p) => `${ms(p.api.meanMs)} (${ms(p.baseline.meanMs)})`).join(' | ')} | ${first ? (last / first).toFixed(2) : '–'} |`;
    }),
    '',
  ];
}

/** The targets at 16 connections: API req/s ÷ baseline req/s at least `ratio`, p99 below `p99Ms`. */
export const TARGETS: Record<string, { ratio: number; p99Ms?: number }> = {
  'GET /tasks/:id': { ratio: 0.85, p99Ms: 25 },
  'GET /tasks?limit=50': { ratio: 0.9 },
  'POST /tasks': { ratio: 0.8 },
};
const TARGET_CONNECTIONS = 16;
/** "Flat": the latency at the largest size at most this many times that at the smallest. */
const FLAT = 2;

/** Where we stand against the targets, measured in this run. */
function targetLines(report: BenchReport): string[] {
  const matrix = report.sizes.find((s) => s.size === report.matrixSize)?.cells ?? [];
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const lines = ['## Targets', ''];
  for (const [scenario, target] of Object.entries(TARGETS)) {
    const c = matrix.find((m) => m.scenario === scenario && m.connections === TARGET_CONNECTIONS);
    if (!c) continue;
    const p99 =
      target.p99Ms === undefined
        ? ''
        : `; API p99 ${ms(c.api.p99Ms)} ms (< ${target.p99Ms} ms: ${verdict(c.api.p99Ms < target.p99Ms)})`;
    const rounds = roundRatios(c);
    const spread =
      rounds.length > 1
        ? `; single rounds ${Math.min(...rounds).toFixed(2)}–${Math.max(...rounds).toFixed(2)}`
        : '';
    lines.push(
      `- ${scenario} at ${TARGET_CONNECTIONS} connections, ${num(report.matrixSize)} tasks: ratio ${c.ratio.toFixed(2)} ` +
        `(≥ ${target.ratio}: ${verdict(c.ratio >= target.ratio)}${spread})${p99}`,
    );
  }
  for (const { scenario, points } of scaleCurve(report)) {
    if (points.length < 2) continue;
    const growth = points[points.length - 1].api.meanMs / points[0].api.meanMs;
    lines.push(
      `- ${scenario}: latency at ${formatSize(points[points.length - 1].size)} is ${growth.toFixed(2)}× that at ${formatSize(points[0].size)} (flat, ≤ ${FLAT}×: ${verdict(growth <= FLAT)})`,
    );
  }
  return [...lines, ''];
}

function explainSummary(report: BenchReport, explainFile?: string): string[] {
  const explained = report.sizes.find((s) => s.explain)?.explain;
  if (!explained || !explainFile) return [];
  const size = report.sizes.find((s) => s.explain)?.size ?? 0;
  return [
    `## EXPLAIN (ANALYZE, BUFFERS) at ${num(size)} tasks`,
    '',
    `Every statement the API ran for each request, re-run under EXPLAIN: [${explainFile}](${explainFile}).`,
    '',
    '| request | statements | sequential scans of tasks, task_tags, reminders |',
    '| --- | ---: | --- |',
    ...explained.map(({ request, statements }) => {
      const scans = statements.flatMap((s) => s.sequentialScans);
      return `| \`${request.replace(/cursor=[^&]+/, 'cursor=<deep>')}\` | ${statements.length} | ${scans.length ? scans.join(', ') : 'none'} |`;
    }),
    '',
  ];
}

export function renderExplain(report: BenchReport): string {
  const sizeResult = report.sizes.find((s) => s.explain);
  const lines = [
    `# EXPLAIN (ANALYZE, BUFFERS) at ${num(sizeResult?.size ?? 0)} tasks (${report.date})`,
    '',
  ];
  for (const { request, statements } of sizeResult?.explain ?? []) {
    lines.push(`## \`${request}\``, '');
    for (const statement of statements) {
      lines.push('```sql', statement.text.trim(), '```', '');
      lines.push(`parameters: \`${JSON.stringify(statement.values)}\``, '');
      lines.push('```', statement.plan, '```', '');
    }
  }
  return `${lines.join('\n')}\n`;
}

/** What the JSON file keeps: everything but the per-statement SQL text duplicates. */
export function renderJson(report: BenchReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
