import { MigrationInterface, QueryRunner } from 'typeorm';

/** The indexes of `GET /tasks`, each sort's, now that every list is one owner's. */
const OWNER_INDEXES = {
  tasks_owner_id_created_at_id_idx: `("owner_id", "created_at", "id")`,
  tasks_owner_id_due_at_id_idx: `("owner_id", "due_at", "id")`,
  tasks_owner_id_due_at_desc_id_idx: `("owner_id", "due_at" DESC NULLS LAST, "id" DESC)`,
  tasks_owner_id_priority_id_idx: `("owner_id", "priority", "id")`,
};

/** The indexes they replace: no read of tasks goes without its owner any more. */
const UNOWNED_INDEXES = {
  tasks_created_at_id_idx: `("created_at", "id")`,
  tasks_due_at_id_idx: `("due_at", "id")`,
  tasks_due_at_desc_id_idx: `("due_at" DESC NULLS LAST, "id" DESC)`,
  tasks_priority_id_idx: `("priority", "id")`,
};

/**
 * Outside a transaction, so that a big table keeps taking writes: validates the owner's foreign
 * key (a scan under a lock that blocks no write), builds the owner's indexes `CONCURRENTLY` and
 * drops the ones they replace. A build that failed leaves an invalid index behind: each is
 * dropped before it is built, so the migration can simply run again.
 */
export class TasksOwnerIndexes1796033643104 implements MigrationInterface {
  name = 'TasksOwnerIndexes1796033643104';
  transaction = false;

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "tasks" VALIDATE CONSTRAINT "FK_tasks_owner"`);
    for (const [name, columns] of Object.entries(OWNER_INDEXES)) {
      await db.query(`DROP INDEX CONCURRENTLY IF EXISTS "${name}"`);
      await db.query(`CREATE INDEX CONCURRENTLY "${name}" ON "tasks" ${columns}`);
    }
    for (const name of Object.keys(UNOWNED_INDEXES)) {
      await db.query(`DROP INDEX CONCURRENTLY IF EXISTS "${name}"`);
    }
  }

  // TypeORM reverts a migration inside a transaction whatever its flag: plain (brief) builds.
  async down(db: QueryRunner): Promise<void> {
    for (const [name, columns] of Object.entries(UNOWNED_INDEXES)) {
      await db.query(`CREATE INDEX IF NOT EXISTS "${name}" ON "tasks" ${columns}`);
    }
    for (const name of Object.keys(OWNER_INDEXES)) {
      await db.query(`DROP INDEX IF EXISTS "${name}"`);
    }
  }
}
