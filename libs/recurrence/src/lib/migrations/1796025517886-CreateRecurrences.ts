import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The recurrence library's tables: `recurrences` (one per task, deleted with it) and
 * `recurrence_completions` (the completed occurrences, deleted with the recurrence).
 */
export class CreateRecurrences1796025517886 implements MigrationInterface {
  name = 'CreateRecurrences1796025517886';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "recurrences" (
        "task_id" uuid NOT NULL,
        "rule" character varying(500) NOT NULL,
        "timezone" character varying(64) NOT NULL,
        "starts_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "next_due_at" TIMESTAMP(3) WITH TIME ZONE,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "PK_recurrences" PRIMARY KEY ("task_id"),
        CONSTRAINT "FK_recurrences_task" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE TABLE "recurrence_completions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "task_id" uuid NOT NULL,
        "due_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "completed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_recurrence_completions" PRIMARY KEY ("id"),
        CONSTRAINT "FK_recurrence_completions_recurrence" FOREIGN KEY ("task_id")
          REFERENCES "recurrences"("task_id") ON DELETE CASCADE
      )`);
    // The history of a task, oldest first, and its count in every task view.
    await db.query(
      `CREATE INDEX "recurrence_completions_task_id_completed_at_id_idx" ON "recurrence_completions" ("task_id", "completed_at", "id")`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "recurrence_completions"`);
    await db.query(`DROP TABLE "recurrences"`);
  }
}
