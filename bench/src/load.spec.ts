import { Measurement, roundRatios } from './load';

const measured = (requestsPerSecond: number): Measurement => ({
  requestsPerSecond,
  p50Ms: 1,
  p99Ms: 2,
  meanMs: 1,
  failures: 0,
});

describe(roundRatios.name, () => {
  it("divides each round's API rate by the baseline's of the same round", () => {
    const rounds = { api: [900, 400].map(measured), baseline: [1000, 800].map(measured) };
    expect(roundRatios({ rounds })).toEqual([0.9, 0.5]);
  });

  it('gives 0 for a round the baseline answered nothing in, rather than Infinity', () => {
    const rounds = { api: [measured(500)], baseline: [measured(0)] };
    expect(roundRatios({ rounds })).toEqual([0]);
  });
});
