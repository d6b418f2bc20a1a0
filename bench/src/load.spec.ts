import { Measurement, cellRatio, roundRatios } from './load';

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

describe(cellRatio.name, () => {
  it("is the median of the rounds' ratios, not the ratio of each side's median rate", () => {
    // The machine sped up after the first round: the medians (300, 290) come from different rounds.
    const rounds = { api: [100, 300, 310].map(measured), baseline: [125, 290, 400].map(measured) };
    expect(cellRatio({ rounds })).toBeCloseTo(0.8);
  });

  it('takes the mean of the middle two of an even number of rounds', () => {
    const rounds = { api: [80, 90, 95, 99].map(measured), baseline: Array(4).fill(measured(100)) };
    expect(cellRatio({ rounds })).toBeCloseTo(0.925);
  });
});
