import { DispatcherOptions } from './dispatcher-options';

/** What one attempt gave: an HTTP answer, or an error before one (timeout, refused...). */
export interface AttemptResult {
  ok: boolean;
  httpStatus: number | null;
  error: string | null;
  /** From a `Retry-After` header, in milliseconds from now. */
  retryAfterMs?: number;
}

export type Decision =
  | { status: 'delivered' }
  | { status: 'failed'; error: string }
  | { status: 'retry'; error: string; delayMs: number };

/** A `Retry-After` beyond a day is treated as a day: the reminder stays within reach. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

/**
 * 2xx delivers; 410 Gone stops at once; anything else is retried after `Retry-After` when the
 * receiver sent one, else after an exponential backoff with jitter, until the last attempt.
 */
export function decide(
  result: AttemptResult,
  attempt: number,
  options: Pick<DispatcherOptions, 'maxAttempts' | 'backoffBaseMs' | 'maxBackoffMs'>,
  random: () => number = Math.random,
): Decision {
  if (result.ok) return { status: 'delivered' };
  const error = result.error ?? `HTTP ${result.httpStatus}`;
  if (result.httpStatus === 410)
    return { status: 'failed', error: `${error}: the receiver is gone` };
  if (attempt >= options.maxAttempts) {
    return { status: 'failed', error: `${error} (gave up after ${attempt} attempts)` };
  }
  const delayMs =
    result.retryAfterMs !== undefined
      ? Math.min(result.retryAfterMs, MAX_RETRY_AFTER_MS)
      : backoffDelay(attempt, options, random);
  return { status: 'retry', error, delayMs };
}

/**
 * "Equal jitter": half the exponential delay is kept, the other half is random, so retries of
 * reminders that failed together spread out but none comes back almost at once.
 */
export function backoffDelay(
  attempt: number,
  options: Pick<DispatcherOptions, 'backoffBaseMs' | 'maxBackoffMs'>,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(options.maxBackoffMs, options.backoffBaseMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** `Retry-After: 120` or `Retry-After: Wed, 21 Oct 2026 07:28:00 GMT`, as ms from `now`. */
export function parseRetryAfter(header: string | null, now: Date): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1_000;
  // An HTTP date (RFC 9110 IMF-fixdate) is always in GMT; anything else is not one.
  const date = value.endsWith('GMT') ? Date.parse(value) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}
