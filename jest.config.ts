import type { Config } from 'jest';
import { sharedProjectConfig } from './jest.preset';

/**
 * Four projects: unit tests (`*.spec.ts`, no database), e2e tests (`*.e2e-spec.ts`, real
 * HTTP against a real database created for the run) — both run by `npm test` — the
 * database faults under load (`npm run test:faults`) and the browser test of Swagger UI
 * (`npm run test:browser`).
 */
const config: Config = {
  projects: [
    {
      ...sharedProjectConfig,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,tools,bench}/**/*.spec.ts'],
    },
    {
      ...sharedProjectConfig,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{apps,libs}/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/core/src/testing/e2e-global-setup.ts',
      globalTeardown: '<rootDir>/libs/core/src/testing/e2e-global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/core/src/testing/e2e-setup-file.ts'],
    },
    {
      // The database failing under load (`npm run test:faults`, on PostgreSQL).
      ...sharedProjectConfig,
      displayName: 'faults',
      testMatch: ['<rootDir>/apps/**/*.faults-spec.ts'],
      globalSetup: '<rootDir>/libs/core/src/testing/e2e-global-setup.ts',
      globalTeardown: '<rootDir>/libs/core/src/testing/e2e-global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/core/src/testing/e2e-setup-file.ts'],
    },
    {
      // Swagger UI in headless Chromium (`npm run test:browser`; needs Debian's chromium).
      ...sharedProjectConfig,
      displayName: 'browser',
      testMatch: ['<rootDir>/apps/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/libs/core/src/testing/e2e-global-setup.ts',
      globalTeardown: '<rootDir>/libs/core/src/testing/e2e-global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/core/src/testing/e2e-setup-file.ts'],
    },
  ],
};

export default config;
