import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { renderChart } from './chart';
import {
  benchDatabaseName,
  connect,
  databaseExists,
  dropDatabase,
  migrate,
  recreateDatabase,
  withDatabase,
} from './database';
import { explainApiQueries } from './explain';
import { Fixtures, deepCursor, loadFixtures } from './fixtures';
import { measureAll } from './load';
import { BenchOptions, parseOptions } from './options';
import { log, seconds } from './progress';
import { BenchReport, SizeResult, renderExplain, renderJson, renderMarkdown } from './report';
import { scenarioKey, scenarios } from './scenarios';
import { isSeeded, seed } from './seed';
import { startApi, startBaseline } from './servers';
import { verifySameAnswers } from './verify';

/**
 * `npm run bench [-- --quick]`: seeds each database size, EXPLAINs the API's list queries at
 * the largest, then times the API against the hand-written baseline, and writes the report to
 * `bench/results/`. See bench/README.md for the options.
 */
async function main(): Promise<void> {
  const render = process.argv.indexOf('--render');
  if (render >= 0) return rerender(process.argv[render + 1]);
  const options = parseOptions(process.argv.slice(2), process.env);
  const started = performance.now();
  const machine = await describeMachine(options.serverUrl);
  const sizes = [...new Set([...options.sizes, options.matrixSize])].sort((a, b) => a - b);
  log(
    `Task API benchmark (${options.mode}): sizes ${sizes.join(', ')}; ${machine.cpus} cores, Node ${machine.node}, PostgreSQL ${machine.postgres}`,
  );
  const results: SizeResult[] = [];
  for (const size of sizes) {
    results.push(await benchSize(size, options, size === sizes[sizes.length - 1]));
  }
  const report: BenchReport = {
    date: new Date().toISOString().slice(0, 10),
    mode: options.mode,
    baseline: options.baseline,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    machine,
    plan: {
      rounds: options.rounds,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      connections: options.connections,
    },
    matrixSize: options.matrixSize,
    sizes: results,
    totalSeconds: (performance.now() - started) / 1000,
  };
  const files = writeReport(report, options.resultsDir);
  process.stdout.write(files.markdownText);
  log(`Report: ${files.written.join(', ')} (${seconds(performance.now() - started)})`);
}

async function benchSize(
  size: number,
  options: BenchOptions,
  largest: boolean,
): Promise<SizeResult> {
  log(`\n${size.toLocaleString('en')} tasks`);
  const name = benchDatabaseName(size, options.databasePrefix);
  const url = withDatabase(options.serverUrl, name);
  const client = await prepareDatabase(options, name, url);
  try {
    const seeding =
      (await isSeeded(client.connection, size)) && options.reuse
        ? null
        : await seed(client.connection, size);
    const fixtures = loadFixtures(size);
    // Plans before any write: the timed POSTs add rows at the head of the default order.
    const explain =
      largest && options.mode !== 'targets'
        ? await explainApiQueries(client.connection, url, fixtures)
        : undefined;
    const cells = await timeRequests(url, fixtures, options, size === options.matrixSize);
    return { size, seeding, cells, explain };
  } finally {
    await client.connection.end();
    if (!options.keep) await dropDatabase(options.serverUrl, name);
  }
}

/** A fresh, migrated database, or with `--reuse` the one a previous run seeded. */
async function prepareDatabase(options: BenchOptions, name: string, url: string) {
  if (!(options.reuse && (await databaseExists(options.serverUrl, name)))) {
    await recreateDatabase(options.serverUrl, name);
    const at = performance.now();
    await migrate(url);
    log(`  migrated in ${seconds(performance.now() - at)}`);
  }
  return { connection: await connect(url) };
}

/**
 * Every scenario at every connection count on the matrix size; on the other sizes only the
 * reads at 1 connection, which is what the scale curve needs.
 */
async function timeRequests(
  url: string,
  fixtures: Fixtures,
  options: BenchOptions,
  matrix: boolean,
) {
  const [api, baseline] = await Promise.all([startApi(url), startBaseline(url, options.baseline)]);
  try {
    const cursors = {
      api: await deepCursor(api.url, fixtures.deepOffset),
      baseline: await deepCursor(baseline.url, fixtures.deepOffset),
    };
    const all = scenarios(fixtures, cursors).filter(
      (s) => options.only.length === 0 || options.only.includes(scenarioKey(s.name)),
    );
    await verifySameAnswers(
      all.filter((s) => s.kind === 'read'),
      api,
      baseline,
    );
    const chosen = matrix ? all : all.filter((s) => s.scale);
    if (matrix)
      await verifySameAnswers(
        all.filter((s) => s.kind === 'write'),
        api,
        baseline,
      );
    return await measureAll(
      chosen,
      { api, baseline },
      {
        connections: matrix ? options.connections : [1],
        rounds: options.rounds,
        durationSeconds: options.durationSeconds,
        warmupSeconds: options.warmupSeconds,
      },
    );
  } finally {
    await Promise.all([api.stop(), baseline.stop()]);
  }
}

async function describeMachine(serverUrl: string): Promise<BenchReport['machine']> {
  const client = await connect(serverUrl);
  const { rows } = await client.query('SHOW server_version');
  await client.end();
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.versions.node,
    postgres: rows[0].server_version,
    loadAverage: loadavg(),
  };
}

function writeReport(report: BenchReport, dir: string) {
  mkdirSync(dir, { recursive: true });
  const stem = report.mode === 'full' ? report.date : `${report.date}-${report.mode}`;
  const hasExplain = report.sizes.some((s) => s.explain);
  const files: Record<string, string> = {
    [`${stem}.svg`]: renderChart(report),
    [`${stem}.json`]: renderJson(report),
    ...(hasExplain ? { [`${stem}-explain.md`]: renderExplain(report) } : {}),
  };
  const markdownText = renderMarkdown(
    report,
    `${stem}.svg`,
    hasExplain ? `${stem}-explain.md` : undefined,
  );
  files[`${stem}.md`] = markdownText;
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return { markdownText, written: Object.keys(files).map((file) => join(dir, file)) };
}

/** `--render <report.json>`: writes the Markdown and SVG again from a run's JSON (no database). */
function rerender(jsonFile: string): void {
  const report = JSON.parse(readFileSync(jsonFile, 'utf8')) as BenchReport;
  log(`Rendered ${writeReport(report, dirname(jsonFile)).written.join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
