import { DataSource, EntityManager } from 'typeorm';
import { sqlState } from '../http/postgres-errors';

/** Serialization failure and deadlock: PostgreSQL rolled the whole transaction back. */
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);
export const TRANSACTION_ATTEMPTS = 3;

/**
 * Makes every top-level `transaction(...)` of the data source retry a transaction that
 * PostgreSQL aborted as a serialization failure or a deadlock (SQLSTATE 40001, 40P01): the
 * transaction was rolled back entirely, so running it again is safe. After
 * `TRANSACTION_ATTEMPTS` the error goes on, and the problem filter answers 503 + Retry-After.
 * A transaction nested in another (an entity manager bound to a query runner) is not retried
 * on its own: the outermost one is.
 */
export function retryAbortedTransactions(dataSource: DataSource): void {
  const manager: EntityManager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = (async (...args: unknown[]) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await transaction(...args);
      } catch (error) {
        const retryable = RETRYABLE_SQLSTATES.has(sqlState(error) ?? '');
        if (!retryable || attempt >= TRANSACTION_ATTEMPTS) throw error;
        // A short, jittered pause lets the transaction that won go first.
        await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
      }
    }
  }) as EntityManager['transaction'];
}
