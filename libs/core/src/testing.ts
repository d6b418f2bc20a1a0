export {
  createTestApp,
  createTestUser,
  resetDatabase,
  StatementCounter,
  type TestAppOptions,
  type TestUser,
} from './testing/test-app';
export {
  createTestDatabase,
  testDatabaseUrl,
  onRealPostgres,
  type TestDatabase,
} from './testing/test-database';
export { TcpProxy } from './testing/tcp-proxy';
export { testRedisUrl, uniqueRedisPrefix } from './testing/test-redis';
export { eventually } from './testing/eventually';
