import { DataSource, MigrationExecutor, QueryRunner } from 'typeorm';
import { DatabaseStartupError } from './startup-error';

/** A fixed key every process of the app agrees on ("task-api" in ASCII, as a bigint). */
export const MIGRATION_LOCK_KEY = '8386110885300629609';

export const DEFAULT_MIGRATION_LOCK_TIMEOUT_MS = 60_000;
const LOCK_POLL_MS = 200;

export class MigrationLockTimeoutError extends DatabaseStartupError {}

/**
 * Runs pending migrations under a session-level advisory lock, so several processes can start
 * at once: the first migrates, the others wait, then find nothing left to do. The migrations
 * run on the very connection that holds the lock, so a pool of one connection is enough, and
 * the wait for the lock has a deadline.
 */
export async function runMigrationsLocked(
  dataSource: DataSource,
  lockTimeoutMs = DEFAULT_MIGRATION_LOCK_TIMEOUT_MS,
): Promise<void> {
  const connection = dataSource.createQueryRunner();
  await connection.connect();
  try {
    await waitForMigrationLock(connection, lockTimeoutMs);
    try {
      // An index built on a big table may outlast a request's statement bound.
      await connection.query('SET statement_timeout = 0');
      const executor = new MigrationExecutor(dataSource, connection);
      executor.transaction = 'each';
      await executor.executePendingMigrations();
    } finally {
      await connection.query('RESET statement_timeout').catch(() => undefined);
      await connection
        .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
        .catch(() => undefined);
    }
  } finally {
    await connection.release();
  }
}

/** Polls `pg_try_advisory_lock` (a blocking `pg_advisory_lock` could wait forever). */
async function waitForMigrationLock(connection: QueryRunner, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ locked }] = await connection.query('SELECT pg_try_advisory_lock($1) AS locked', [
      MIGRATION_LOCK_KEY,
    ]);
    if (locked) return;
    if (Date.now() >= deadline) {
      throw new MigrationLockTimeoutError(
        `Another process has held the migration lock (advisory lock ${MIGRATION_LOCK_KEY}) for ` +
          `more than ${timeoutMs} ms: it may still be migrating, or be stuck. Find it with ` +
          `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = ${BigInt(MIGRATION_LOCK_KEY) & 0xffffffffn}.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}
