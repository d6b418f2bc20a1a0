import type { Config } from 'jest';
import { sharedProjectConfig } from './jest.preset';

/**
 * One run, two projects: unit tests (`*.spec.ts`, no database) and e2e tests
 * (`*.e2e-spec.ts`, real HTTP against a real database created for the run).
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
  ],
};

export default config;
