import { DataSource } from 'typeorm';

/** A fixed key every process of the app agrees on ("task-api" in ASCII, as a bigint). */
export const MIGRATION_LOCK_KEY = '8386110885300629609';

/**
 * Runs pending migrations under a session-level advisory lock, so several processes can start
 * at once: the first migrates, the others wait, then find nothing left to do.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<void> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
