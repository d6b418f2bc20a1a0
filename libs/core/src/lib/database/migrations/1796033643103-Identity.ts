import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users and their API tokens, and the owner of every task. The administrator is created here,
 * so that tasks that exist already have an owner: they become the administrator's. (Its first
 * token is issued when the API first starts, and printed in its log.)
 *
 * `owner_id` is added with the administrator's id as a constant default, which PostgreSQL
 * records without rewriting the table, then the default is dropped: a new task always names its
 * owner. The foreign key is added `NOT VALID` here and validated by the next migration outside
 * this transaction, where the scan of a big table blocks no write; that migration also builds
 * the owner's indexes `CONCURRENTLY`.
 */
export class Identity1796033643103 implements MigrationInterface {
  name = 'Identity1796033643103';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "users" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" character varying(200) NOT NULL,
        "administrator" boolean NOT NULL DEFAULT false,
        "oidc_issuer" character varying(500),
        "oidc_subject" character varying(255),
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_users" PRIMARY KEY ("id"),
        CONSTRAINT "users_name_not_blank" CHECK (length(btrim(name)) > 0)
      )`);
    await db.query(`CREATE INDEX "users_created_at_id_idx" ON "users" ("created_at", "id")`);
    // Found by issuer and subject; users without OpenID Connect (NULLs) never collide.
    await db.query(
      `CREATE UNIQUE INDEX "users_oidc_subject_key" ON "users" ("oidc_issuer", "oidc_subject")`,
    );
    // At most one administrator, so that processes starting at once cannot create two.
    await db.query(
      `CREATE UNIQUE INDEX "users_one_administrator" ON "users" ((true)) WHERE administrator`,
    );

    await db.query(`
      CREATE TABLE "api_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "name" character varying(100) NOT NULL,
        "prefix" character varying(16) NOT NULL,
        "hash" character(64) NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "last_used_at" TIMESTAMP(3) WITH TIME ZONE,
        "expires_at" TIMESTAMP(3) WITH TIME ZONE,
        "revoked_at" TIMESTAMP(3) WITH TIME ZONE,
        CONSTRAINT "PK_api_tokens" PRIMARY KEY ("id"),
        CONSTRAINT "FK_api_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await db.query(`CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" ("hash")`);
    await db.query(
      `CREATE INDEX "api_tokens_user_id_created_at_id_idx" ON "api_tokens" ("user_id", "created_at", "id")`,
    );

    const [administrator]: { id: string }[] = await db.query(
      `INSERT INTO "users" ("name", "administrator") VALUES ('Administrator', true) RETURNING "id"`,
    );
    // A uuid PostgreSQL just generated: safe to write into the statement (DDL takes no parameters).
    await db.query(
      `ALTER TABLE "tasks" ADD COLUMN "owner_id" uuid NOT NULL DEFAULT '${administrator.id}'`,
    );
    await db.query(`ALTER TABLE "tasks" ALTER COLUMN "owner_id" DROP DEFAULT`);
    await db.query(
      `ALTER TABLE "tasks" ADD CONSTRAINT "FK_tasks_owner" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE NOT VALID`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    // Every task goes back to having no owner; the users and their tokens are gone.
    await db.query(`ALTER TABLE "tasks" DROP CONSTRAINT "FK_tasks_owner"`);
    await db.query(`ALTER TABLE "tasks" DROP COLUMN "owner_id"`);
    await db.query(`DROP TABLE "api_tokens"`);
    await db.query(`DROP TABLE "users"`);
  }
}
