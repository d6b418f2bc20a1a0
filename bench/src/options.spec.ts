import { TARGET_SCENARIOS, parseOptions } from './options';
import { scenarioKey } from './scenarios';

const env = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' };

describe(parseOptions.name, () => {
  it('--targets: 100k tasks, 16 connections, the requests that have targets', () => {
    const options = parseOptions(['--targets'], env);
    expect(options).toMatchObject({
      mode: 'targets',
      sizes: [100_000],
      matrixSize: 100_000,
      connections: [16],
      only: TARGET_SCENARIOS,
      rounds: 21,
      durationSeconds: 3,
    });
  });

  it('names the target requests by keys that exist', () => {
    const keys = ['GET /tasks/:id', 'GET /tasks?limit=50', 'POST /tasks'].map(scenarioKey);
    expect(TARGET_SCENARIOS).toEqual(keys);
  });

  it('refuses a database prefix that could name a database the bench does not own', () => {
    expect(() => parseOptions(['--database-prefix', 'postgres'], env)).toThrow(/task_api_bench_/);
    expect(parseOptions(['--database-prefix', 'task_api_bench_ci_'], env).databasePrefix).toBe(
      'task_api_bench_ci_',
    );
  });
});
