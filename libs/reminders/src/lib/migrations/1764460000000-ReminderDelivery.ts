import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the dispatcher needs on top of the foundation's `reminders` table:
 * - `next_attempt_at`: when the reminder may be claimed next (its `remind_at`, later the backoff);
 * - `lease_expires_at` / `leased_by`: a claim, which another process may take over once expired;
 * - `firing_id`: the `webhook-id` of one firing, the same across its retries, new on reschedule;
 * - `version`: the ETag of a reminder;
 * and the `reminder_deliveries` log of every attempt.
 */
export class ReminderDelivery1764460000000 implements MigrationInterface {
  name = 'ReminderDelivery1764460000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE "reminders"
        ADD "next_attempt_at" TIMESTAMP(3) WITH TIME ZONE,
        ADD "lease_expires_at" TIMESTAMP(3) WITH TIME ZONE,
        ADD "leased_by" character varying(100),
        ADD "firing_id" uuid NOT NULL DEFAULT gen_random_uuid(),
        ADD "version" integer NOT NULL DEFAULT 1`);
    await db.query(`UPDATE "reminders" SET "next_attempt_at" = "remind_at"`);
    // Existing rows got their values above; from now on the app sets both on every insert.
    await db.query(
      `ALTER TABLE "reminders" ALTER COLUMN "next_attempt_at" SET NOT NULL, ALTER COLUMN "firing_id" DROP DEFAULT`,
    );
    // The claim query: due (and retry-due) reminders still to deliver.
    await db.query(
      `CREATE INDEX "reminders_scheduled_next_attempt_at_idx" ON "reminders" ("next_attempt_at") WHERE status = 'scheduled'`,
    );

    await db.query(`CREATE TYPE "reminder_delivery_channel" AS ENUM ('webhook', 'log')`);
    await db.query(
      `CREATE TYPE "reminder_delivery_outcome" AS ENUM ('delivered', 'retrying', 'failed')`,
    );
    await db.query(`
      CREATE TABLE "reminder_deliveries" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "reminder_id" uuid NOT NULL,
        "webhook_id" uuid NOT NULL,
        "attempt" integer NOT NULL,
        "channel" "reminder_delivery_channel" NOT NULL,
        "outcome" "reminder_delivery_outcome" NOT NULL,
        "attempted_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "http_status" integer,
        "error" text,
        "duration_ms" integer NOT NULL,
        CONSTRAINT "PK_reminder_deliveries" PRIMARY KEY ("id"),
        CONSTRAINT "FK_reminder_deliveries_reminder" FOREIGN KEY ("reminder_id") REFERENCES "reminders"("id") ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX "reminder_deliveries_reminder_id_attempted_at_idx" ON "reminder_deliveries" ("reminder_id", "attempted_at", "id")`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "reminder_deliveries"`);
    await db.query(`DROP TYPE "reminder_delivery_outcome"`);
    await db.query(`DROP TYPE "reminder_delivery_channel"`);
    await db.query(`DROP INDEX "reminders_scheduled_next_attempt_at_idx"`);
    await db.query(`
      ALTER TABLE "reminders"
        DROP COLUMN "version",
        DROP COLUMN "firing_id",
        DROP COLUMN "leased_by",
        DROP COLUMN "lease_expires_at",
        DROP COLUMN "next_attempt_at"`);
  }
}
