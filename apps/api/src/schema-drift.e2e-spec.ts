import { postgresOptions } from '@task-api/core';
import { TestDatabase, createTestDatabase } from '@task-api/core/testing';
import { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

/**
 * Entities and migrations cannot drift: after every migration has run, generating a migration
 * from the entities (what `typeorm migration:generate` does) must yield nothing.
 */
describe('Schema drift', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    // A database of its own: this suite reverts every migration, which others must not see.
    database = await createTestDatabase();
    dataSource = await new DataSource({
      ...postgresOptions(database.url, migrations, 2),
      entities,
    }).initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('generating a migration from the entities yields no statement', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('every migration has a down that undoes it', async () => {
    // Revert everything, then migrate again: both directions must run cleanly.
    for (let i = 0; i < migrations.length; i++)
      await dataSource.undoLastMigration({ transaction: 'each' });
    const tables = await dataSource.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
    );
    expect(tables).toEqual([]);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await dataSource.driver.createSchemaBuilder().log()).toMatchObject({ upQueries: [] });
  });

  it('gives the tasks and tags that existed before users to the administrator', async () => {
    // Back to the schema before the identity migration, with data in it.
    const identity = migrations.findIndex((migration) => /^Identity\d+$/.test(migration.name));
    for (let i = identity; i < migrations.length; i++) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    await dataSource.query(`INSERT INTO tasks (title) VALUES ('kept'), ('kept too')`);
    await dataSource.query(`INSERT INTO tags (name) VALUES ('old')`);
    await dataSource.runMigrations({ transaction: 'each' });
    const [{ owners }] = await dataSource.query(
      `SELECT array_agg(DISTINCT owner.name || ':' || owner.administrator) AS owners
         FROM (SELECT owner_id FROM tasks UNION ALL SELECT owner_id FROM tags) owned
         JOIN users owner ON owner.id = owned.owner_id`,
    );
    expect(owners).toEqual(['Administrator:true']);
    expect(await dataSource.query('SELECT count(*)::int AS n FROM users')).toEqual([{ n: 1 }]);
  });
});
