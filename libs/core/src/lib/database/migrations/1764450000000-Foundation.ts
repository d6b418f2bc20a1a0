import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foundation: the tables of every feature, created once so that the tags and reminders
 * libraries can be built side by side without touching each other's schema. Later changes of
 * a feature are migrations in that feature's own library.
 */
export class Foundation1764450000000 implements MigrationInterface {
  name = 'Foundation1764450000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE "task_status" AS ENUM ('todo', 'in_progress', 'done')`);
    await db.query(`CREATE TYPE "task_priority" AS ENUM ('low', 'normal', 'high', 'urgent')`);
    await db.query(
      `CREATE TYPE "reminder_status" AS ENUM ('scheduled', 'delivered', 'failed', 'cancelled')`,
    );

    await db.query(`
      CREATE TABLE "tasks" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "title" character varying(200) NOT NULL,
        "description" character varying(10000),
        "status" "task_status" NOT NULL DEFAULT 'todo',
        "priority" "task_priority" NOT NULL DEFAULT 'normal',
        "due_at" TIMESTAMP(3) WITH TIME ZONE,
        "completed_at" TIMESTAMP(3) WITH TIME ZONE,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "PK_tasks" PRIMARY KEY ("id"),
        CONSTRAINT "tasks_title_not_blank" CHECK (length(btrim(title)) > 0),
        CONSTRAINT "tasks_completed_at_when_done" CHECK ((status = 'done') = (completed_at IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX "tasks_created_at_id_idx" ON "tasks" ("created_at", "id")`);
    await db.query(`CREATE INDEX "tasks_due_at_id_idx" ON "tasks" ("due_at", "id")`);
    await db.query(`CREATE INDEX "tasks_priority_id_idx" ON "tasks" ("priority", "id")`);

    await db.query(`
      CREATE TABLE "tags" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" character varying(64) NOT NULL,
        "color" character(7),
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_tags" PRIMARY KEY ("id"),
        CONSTRAINT "tags_name_not_blank" CHECK (length(btrim(name)) > 0),
        CONSTRAINT "tags_color_hex" CHECK (color ~ '^#[0-9a-f]{6}$')
      )`);
    // "Urgent" and "urgent" are one tag: uniqueness is the database's job, not a pre-check's.
    await db.query(`CREATE UNIQUE INDEX "tags_name_lower_key" ON "tags" (lower("name"))`);

    await db.query(`
      CREATE TABLE "task_tags" (
        "task_id" uuid NOT NULL,
        "tag_id" uuid NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_task_tags" PRIMARY KEY ("task_id", "tag_id"),
        CONSTRAINT "FK_task_tags_task" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_task_tags_tag" FOREIGN KEY ("tag_id") REFERENCES "tags"("id") ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX "task_tags_tag_id_task_id_idx" ON "task_tags" ("tag_id", "task_id")`,
    );

    await db.query(`
      CREATE TABLE "reminders" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "task_id" uuid NOT NULL,
        "remind_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "offset_minutes" integer,
        "note" character varying(500),
        "status" "reminder_status" NOT NULL DEFAULT 'scheduled',
        "attempts" integer NOT NULL DEFAULT 0,
        "delivered_at" TIMESTAMP(3) WITH TIME ZONE,
        "last_error" text,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_reminders" PRIMARY KEY ("id"),
        CONSTRAINT "FK_reminders_task" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE,
        CONSTRAINT "reminders_offset_minutes_range" CHECK (offset_minutes BETWEEN 0 AND 525600),
        CONSTRAINT "reminders_attempts_non_negative" CHECK (attempts >= 0)
      )`);
    await db.query(
      `CREATE INDEX "reminders_task_id_remind_at_idx" ON "reminders" ("task_id", "remind_at")`,
    );
    // The dispatcher's claim query scans only what is still to be delivered.
    await db.query(
      `CREATE INDEX "reminders_scheduled_remind_at_idx" ON "reminders" ("remind_at") WHERE status = 'scheduled'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "reminders"`);
    await db.query(`DROP TABLE "task_tags"`);
    await db.query(`DROP TABLE "tags"`);
    await db.query(`DROP TABLE "tasks"`);
    await db.query(`DROP TYPE "reminder_status"`);
    await db.query(`DROP TYPE "task_priority"`);
    await db.query(`DROP TYPE "task_status"`);
  }
}
