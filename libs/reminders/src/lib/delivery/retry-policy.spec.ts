import { MAX_RETRY_AFTER_MS, backoffDelay, decide, parseRetryAfter } from './retry-policy';

const policy = { maxAttempts: 4, backoffBaseMs: 1_000, maxBackoffMs: 10_000 };
const failure = (httpStatus: number | null, extra = {}) => ({
  ok: false,
  httpStatus,
  error: httpStatus ? `HTTP ${httpStatus}` : 'ECONNREFUSED',
  ...extra,
});

describe(decide.name, () => {
  it('delivers on success', () => {
    expect(decide({ ok: true, httpStatus: 204, error: null }, 1, policy)).toEqual({
      status: 'delivered',
    });
  });

  it('stops at once on 410 Gone, whatever the attempt', () => {
    expect(decide(failure(410), 1, policy)).toEqual({
      status: 'failed',
      error: 'HTTP 410: the receiver is gone',
    });
  });

  it('retries other answers and errors until the last attempt, then fails', () => {
    expect(decide(failure(500), 3, policy, () => 0).status).toBe('retry');
    expect(decide(failure(null), 3, policy, () => 0).status).toBe('retry');
    expect(decide(failure(404), 4, policy)).toEqual({
      status: 'failed',
      error: 'HTTP 404 (gave up after 4 attempts)',
    });
  });

  it('waits as long as Retry-After says, capped at a day, rather than the backoff', () => {
    expect(decide(failure(429, { retryAfterMs: 30_000 }), 1, policy)).toMatchObject({
      status: 'retry',
      delayMs: 30_000,
    });
    expect(decide(failure(503, { retryAfterMs: 9e9 }), 1, policy)).toMatchObject({
      delayMs: MAX_RETRY_AFTER_MS,
    });
  });
});

describe(backoffDelay.name, () => {
  it('doubles per attempt, keeps half and jitters the other half, up to the cap', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, policy, () => 0))).toEqual([
      500, 1_000, 2_000, 4_000,
    ]);
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, policy, () => 1))).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ]);
    expect(backoffDelay(10, policy, () => 1)).toBe(10_000);
  });
});

describe(parseRetryAfter.name, () => {
  const now = new Date('2026-12-01T09:00:00Z');

  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 09:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 08:00:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});
