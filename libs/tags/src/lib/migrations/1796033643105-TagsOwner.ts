import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tags belong to a user: `owner_id` (deleted with the user), and names unique per user instead
 * of across everyone ("urgent" may be the name of a tag of each user). Existing tags become the
 * administrator's, as existing tasks did (core's identity migration, which runs before).
 */
export class TagsOwner1796033643105 implements MigrationInterface {
  name = 'TagsOwner1796033643105';

  async up(db: QueryRunner): Promise<void> {
    const [administrator]: { id: string }[] = await db.query(
      `SELECT id FROM users WHERE administrator`,
    );
    // A constant default is recorded without rewriting the table, then dropped: a new tag
    // always names its owner. (A uuid PostgreSQL generated: safe to write into the statement.)
    await db.query(
      `ALTER TABLE "tags" ADD COLUMN "owner_id" uuid NOT NULL DEFAULT '${administrator.id}'`,
    );
    await db.query(`ALTER TABLE "tags" ALTER COLUMN "owner_id" DROP DEFAULT`);
    await db.query(
      `ALTER TABLE "tags" ADD CONSTRAINT "FK_tags_owner" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE`,
    );
    await db.query(`DROP INDEX "tags_name_lower_key"`);
    // Also the index of each user's tag list (by name) and of the name filter of GET /tasks.
    await db.query(
      `CREATE UNIQUE INDEX "tags_owner_id_name_lower_key" ON "tags" ("owner_id", lower("name"))`,
    );
  }

  /**
   * Names become unique across everyone again: this fails, changing nothing, while two users
   * have a tag of the same name (rename or delete one of them first).
   */
  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "tags_owner_id_name_lower_key"`);
    await db.query(`CREATE UNIQUE INDEX "tags_name_lower_key" ON "tags" (lower("name"))`);
    await db.query(`ALTER TABLE "tags" DROP CONSTRAINT "FK_tags_owner"`);
    await db.query(`ALTER TABLE "tags" DROP COLUMN "owner_id"`);
  }
}
