import 'reflect-metadata';

// Booting an app on embedded PostgreSQL takes seconds; a hung request should still fail the test.
jest.setTimeout(60_000);
