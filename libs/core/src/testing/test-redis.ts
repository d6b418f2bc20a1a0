import { randomUUID } from 'node:crypto';

/** The Redis server of the tests (one runs on 127.0.0.1:6379 locally and in CI). */
export const testRedisUrl = (): string => process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix of its own for one test, so parallel runs and other tests never share budgets. */
export const uniqueRedisPrefix = (): string => `task-api-test:${randomUUID()}:`;
