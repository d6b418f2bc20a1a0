/**
 * The bounds on every wait for the database (SPEC §6 "Time limits"). PostgreSQL enforces the
 * first three per session; the pool enforces the last; embedded PostgreSQL applies its own
 * equivalents (see `PgliteWireServer`).
 */
export interface DatabaseTimeouts {
  /** `statement_timeout`: longest a statement may run (SQLSTATE 57014 → 503). */
  statementTimeoutMs: number;
  /** `lock_timeout`: longest a statement may wait for a lock (55P03 → 503). */
  lockTimeoutMs: number;
  /** `idle_in_transaction_session_timeout`: an abandoned transaction is rolled back. */
  idleInTransactionTimeoutMs: number;
  /** Longest a request waits for a pooled connection (or a new one to open) before a 503. */
  poolTimeoutMs: number;
}

export const DEFAULT_TIMEOUTS: DatabaseTimeouts = {
  statementTimeoutMs: 5_000,
  lockTimeoutMs: 2_000,
  idleInTransactionTimeoutMs: 10_000,
  poolTimeoutMs: 5_000,
};

/** A dead peer (a cut network) is noticed by TCP keepalive probes starting after this. */
export const KEEPALIVE_INITIAL_DELAY_MS = 10_000;

/** `pg` connection settings: server-side session timeouts (sent at startup) and client bounds. */
export function driverOptions(
  timeouts: DatabaseTimeouts,
  poolSize: number,
): Record<string, unknown> {
  return {
    max: poolSize,
    connectionTimeoutMillis: timeouts.poolTimeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_INITIAL_DELAY_MS,
    statement_timeout: timeouts.statementTimeoutMs,
    lock_timeout: timeouts.lockTimeoutMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs,
  };
}
