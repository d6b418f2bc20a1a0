import { MigrationInterface, QueryRunner } from 'typeorm';

/** The `recurrence` table: owned by this library, linked to `tasks`, deleted with its task. */
export class CreateRecurrence1796025517886 implements MigrationInterface {
  name = 'CreateRecurrence1796025517886';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "recurrence" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "task_id" uuid NOT NULL,
        "body" character varying(2000) NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_recurrence" PRIMARY KEY ("id"),
        CONSTRAINT "FK_recurrence_task" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE,
        CONSTRAINT "recurrence_body_not_blank" CHECK (length(btrim(body)) > 0)
      )`);
    // A task's recurrence, newest first, is the list every nested route reads.
    await db.query(
      `CREATE INDEX "recurrence_task_id_created_at_id_idx" ON "recurrence" ("task_id", "created_at", "id")`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "recurrence"`);
  }
}
