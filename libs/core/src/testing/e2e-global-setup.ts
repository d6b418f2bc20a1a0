import { TestDatabaseUnavailableError, createTestDatabase } from './test-database';

/** Jest global setup of the e2e project: one fresh database for the whole run. */
export default async function globalSetup(): Promise<void> {
  const database = await createTestDatabase().catch((error: unknown) => {
    if (!(error instanceof TestDatabaseUnavailableError)) throw error;
    // A configuration to fix, not a bug to debug: one line, no stack.
    console.error(`\n${error.message}`);
    process.exit(1);
  });
  process.env.TEST_DATABASE_URL = database.url;
  process.env.TEST_DATABASE_KIND = database.kind;
  (globalThis as { __TEST_DATABASE__?: unknown }).__TEST_DATABASE__ = database;
}
