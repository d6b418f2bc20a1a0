import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  INSTANT_KEY,
  PG_FOREIGN_KEY_VIOLATION,
  Position,
  keyset,
  namedParameters,
  sqlState,
  violatedConstraint,
} from '@task-api/core';
import { DataSource, EntityManager } from 'typeorm';
import { RECURRENCE_TASK_FOREIGN_KEY, Recurrence } from './recurrence.entity';

export type NewRecurrence = Pick<Recurrence, 'taskId' | 'body'>;
export type RecurrenceChanges = Partial<Pick<Recurrence, 'body'>>;

/** recurrence are listed newest first, ties broken by id. */
export const RECURRENCE_ORDER = keyset({
  list: 'GET /recurrence',
  sort: '-createdAt',
  key: { sql: 'item.created_at', type: INSTANT_KEY },
  id: 'item.id',
  descending: true,
});

export interface RecurrenceListCriteria {
  taskId?: string;
  after?: Position;
  limit: number;
}

/** A write refused by the foreign key: the task does not exist (any more). */
export const isMissingTask = (error: unknown): boolean =>
  sqlState(error) === PG_FOREIGN_KEY_VIOLATION &&
  violatedConstraint(error) === RECURRENCE_TASK_FOREIGN_KEY;

@Injectable()
export class RecurrenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction: a read-check-write goes through it. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Fails with 23503 on `RECURRENCE_TASK_FOREIGN_KEY` when the task does not exist. */
  async insert(recurrence: NewRecurrence): Promise<Recurrence> {
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(Recurrence)
      .values(recurrence)
      .returning('*')
      .execute();
    return this.fromRaw(result.raw[0]);
  }

  findById(id: string): Promise<Recurrence | null> {
    return this.dataSource.manager.findOneBy(Recurrence, { id });
  }

  /** Locks the row for the rest of the transaction, so concurrent changes queue up. */
  findForUpdate(manager: EntityManager, id: string): Promise<Recurrence | null> {
    return manager
      .createQueryBuilder(Recurrence, 'item')
      .setLock('pessimistic_write')
      .where('item.id = :id', { id })
      .getOne();
  }

  /** One page, newest first; keyset on (created_at, id), so inserts never shift it. */
  findPage(criteria: RecurrenceListCriteria): Promise<Recurrence[]> {
    const query = this.dataSource.manager.createQueryBuilder(Recurrence, 'item');
    if (criteria.taskId) query.andWhere('item.task_id = :taskId', { taskId: criteria.taskId });
    const { bind, parameters } = namedParameters();
    const after = RECURRENCE_ORDER.after(criteria.after, bind);
    if (after) query.andWhere(after, parameters);
    return query
      .orderBy('item.created_at', 'DESC')
      .addOrderBy('item.id', 'DESC')
      .limit(criteria.limit + 1)
      .getMany();
  }

  async update(
    manager: EntityManager,
    id: string,
    changes: RecurrenceChanges,
  ): Promise<Recurrence> {
    const result = await manager
      .createQueryBuilder()
      .update(Recurrence)
      .set(changes)
      .where('id = :id', { id })
      .returning('*')
      .execute();
    return this.fromRaw(result.raw[0]);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(Recurrence, { id });
  }

  /** Raw rows use column names; map them onto the entity's properties. */
  private fromRaw(row: Record<string, unknown>): Recurrence {
    const columns = this.dataSource.getMetadata(Recurrence).columns;
    return this.dataSource.manager.create(
      Recurrence,
      Object.fromEntries(columns.map((column) => [column.propertyName, row[column.databaseName]])),
    );
  }
}
