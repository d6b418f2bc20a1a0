import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `Idempotency-Key` on POST: the first response per principal and key, for 24 hours. The primary
 * key settles the race between simultaneous retries (`INSERT ... ON CONFLICT`); the `expires_at`
 * index serves the periodic purge.
 */
export class IdempotencyKeys1796021502348 implements MigrationInterface {
  name = 'IdempotencyKeys1796021502348';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "idempotency_keys" (
        "principal" character varying(200) NOT NULL,
        "key" character varying(255) NOT NULL,
        "fingerprint" character(64) NOT NULL,
        "claim_id" uuid NOT NULL,
        "claimed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "response_status" smallint,
        "response_headers" jsonb,
        "response_body" text,
        CONSTRAINT "PK_idempotency_keys" PRIMARY KEY ("principal", "key")
      )`);
    await db.query(
      `CREATE INDEX "idempotency_keys_expires_at_idx" ON "idempotency_keys" ("expires_at")`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "idempotency_keys"`);
  }
}
