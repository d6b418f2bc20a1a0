import { isDeepStrictEqual } from 'node:util';
import { log } from './progress';
import { Scenario } from './scenarios';
import { RunningServer } from './servers';
import { AUTHORIZATION } from './ids';

const READ_SAMPLES = 5;

/**
 * Before any timing: the same read requests must give the same JSON from the API and the
 * baseline, else the bench compares different work. Compared as data: key order aside, an
 * instant as the moment it names (the baseline sends PostgreSQL's `+00:00` rendering, the API
 * may send `Z`), a cursor by whether there is one (each server's cursor is its own opaque
 * text). Writes must answer with the same status and the same fields (their ids and instants
 * differ by nature).
 */
export async function verifySameAnswers(
  scenarios: readonly Scenario[],
  api: RunningServer,
  baseline: RunningServer,
): Promise<void> {
  for (const scenario of scenarios) {
    const samples = scenario.kind === 'read' ? READ_SAMPLES : 1;
    for (let i = 0; i < samples; i++) {
      const [fromApi, fromBaseline] = await Promise.all([
        call(api, scenario),
        call(baseline, scenario),
      ]);
      const same =
        scenario.kind === 'read'
          ? isDeepStrictEqual(comparable(fromApi), comparable(fromBaseline))
          : fromApi.status === fromBaseline.status &&
            isDeepStrictEqual(fieldsOf(fromApi.json), fieldsOf(fromBaseline.json));
      if (!same) {
        throw new Error(
          `${scenario.name} ${fromApi.path}: the API and the baseline answer differently:\n` +
            `api ${JSON.stringify(fromApi).slice(0, 1500)}\nbaseline ${JSON.stringify(fromBaseline).slice(0, 1500)}`,
        );
      }
      if (fromApi.status >= 300)
        throw new Error(`${scenario.name} ${fromApi.path}: ${fromApi.status}`);
    }
  }
  log(`  responses verified: API and baseline give the same answers`);
}

async function call(server: RunningServer, scenario: Scenario) {
  const path = scenario.path(server.target);
  const body = scenario.body?.(server.target);
  const response = await fetch(`${server.url}${path}`, {
    method: scenario.method,
    headers: body ? { ...AUTHORIZATION, 'content-type': 'application/json' } : AUTHORIZATION,
    body,
  });
  return { path, status: response.status, json: (await response.json()) as unknown };
}

const fieldsOf = (json: unknown): string[] => Object.keys(json as object).sort();

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The answer as data: instants as epoch milliseconds, `nextCursor` as present or not. */
export function comparable(answer: { status: number; json: unknown }): unknown {
  const normalize = (value: unknown, key?: string): unknown => {
    if (key === 'nextCursor') return value === null ? null : 'a cursor';
    if (typeof value === 'string' && INSTANT.test(value)) return Date.parse(value);
    if (Array.isArray(value)) return value.map((item) => normalize(item));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v, k)]));
    }
    return value;
  };
  return { status: answer.status, json: normalize(answer.json) };
}
