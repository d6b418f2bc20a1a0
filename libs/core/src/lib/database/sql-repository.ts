import { DataSource, EntityManager } from 'typeorm';

/**
 * What every repository does alike, on the data source Nest injects: statements outside any
 * transaction go through `autocommit` (each commits on its own), work that must be atomic through
 * `transaction` (retried on serialization failures, see `retryAbortedTransactions`). Every method
 * of a repository takes the manager it runs on, first and never defaulted, so a statement meant
 * for a transaction cannot silently run outside it.
 */
export abstract class SqlRepository {
  constructor(protected readonly dataSource: DataSource) {}

  /** For statements outside any transaction: each commits on its own. */
  get autocommit(): EntityManager {
    return this.dataSource.manager;
  }

  /** Runs `work` in one transaction: every multi-statement write goes through it. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
