/** How the dispatcher runs; the API app fills it from `REMINDERS_*` environment variables. */
export interface DispatcherOptions {
  /** Off in a process that should only serve HTTP (workers elsewhere deliver). */
  enabled: boolean;
  /** Pause between claims when nothing (or less than a batch) was due. */
  pollIntervalMs: number;
  /** At most this many reminders claimed per statement. */
  batchSize: number;
  /**
   * Deliveries in flight at once. Each completes on its own; claims top up the free slots, so a
   * slow receiver holds one slot, not a batch.
   */
  concurrency: number;
  /** How long a claim stays with its process; once expired another one retries the reminder. */
  leaseMs: number;
  /** Attempts per firing before the reminder is `failed`. */
  maxAttempts: number;
  /** Per webhook call. */
  timeoutMs: number;
  /** First retry delay; doubled at every attempt, capped at `maxBackoffMs`, with jitter. */
  backoffBaseMs: number;
  maxBackoffMs: number;
}

export interface WebhookOptions {
  url: string;
  /** A Standard Webhooks secret: `whsec_` followed by base64 bytes. */
  secret: string;
}

export const DEFAULT_DISPATCHER_OPTIONS: DispatcherOptions = {
  enabled: true,
  pollIntervalMs: 1_000,
  batchSize: 100,
  concurrency: 200,
  leaseMs: 60_000,
  maxAttempts: 8,
  timeoutMs: 10_000,
  backoffBaseMs: 2_000,
  maxBackoffMs: 60 * 60_000,
};

/**
 * Each call is bounded by the timeout: a lease shorter than twice the timeout could expire under
 * a slow but healthy call and make another process deliver it again.
 */
export function resolveDispatcherOptions(
  options: Partial<DispatcherOptions> = {},
): DispatcherOptions {
  const resolved = { ...DEFAULT_DISPATCHER_OPTIONS, ...options };
  if (resolved.leaseMs < 2 * resolved.timeoutMs) {
    throw new Error(
      `The reminder lease (${resolved.leaseMs} ms) must be at least twice the webhook timeout (${resolved.timeoutMs} ms)`,
    );
  }
  return resolved;
}
