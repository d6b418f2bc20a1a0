import { isDeepStrictEqual } from 'node:util';
import { log } from './progress';
import { Scenario } from './scenarios';
import { RunningServer } from './servers';

const READ_SAMPLES = 5;

/**
 * Before any timing: the same read requests must give the same JSON from the API and the
 * baseline (key order aside), else the bench compares different work. Writes must answer
 * with the same status and the same fields (their ids and instants differ by nature).
 */
export async function verifySameAnswers(
  scenarios: readonly Scenario[],
  api: RunningServer,
  baseline: RunningServer,
): Promise<void> {
  for (const scenario of scenarios) {
    const samples = scenario.kind === 'read' ? READ_SAMPLES : 1;
    for (let i = 0; i < samples; i++) {
      const path = scenario.path();
      const body = scenario.body?.();
      const [fromApi, fromBaseline] = await Promise.all([
        call(api, scenario, path, body),
        call(baseline, scenario, path, body),
      ]);
      const same =
        scenario.kind === 'read'
          ? isDeepStrictEqual(fromApi, fromBaseline)
          : fromApi.status === fromBaseline.status &&
            isDeepStrictEqual(fieldsOf(fromApi.json), fieldsOf(fromBaseline.json));
      if (!same) {
        throw new Error(
          `${scenario.name} ${path}: the API and the baseline answer differently:\n` +
            `api ${JSON.stringify(fromApi).slice(0, 1500)}\nbaseline ${JSON.stringify(fromBaseline).slice(0, 1500)}`,
        );
      }
      if (fromApi.status >= 300) throw new Error(`${scenario.name} ${path}: ${fromApi.status}`);
    }
  }
  log(`  responses verified: API and baseline give the same answers`);
}

async function call(server: RunningServer, scenario: Scenario, path: string, body?: string) {
  const response = await fetch(`${server.url}${path}`, {
    method: scenario.method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body,
  });
  return { status: response.status, json: (await response.json()) as unknown };
}

const fieldsOf = (json: unknown): string[] => Object.keys(json as object).sort();
