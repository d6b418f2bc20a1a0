import { createTestDatabase } from './test-database';

/** Jest global setup of the e2e project: one fresh database for the whole run. */
export default async function globalSetup(): Promise<void> {
  const database = await createTestDatabase();
  process.env.TEST_DATABASE_URL = database.url;
  process.env.TEST_DATABASE_KIND = database.kind;
  (globalThis as { __TEST_DATABASE__?: unknown }).__TEST_DATABASE__ = database;
}
