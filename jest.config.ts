import type { Config } from 'jest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Four projects: unit tests (`*.spec.ts`, no database), e2e tests (`*.e2e-spec.ts`, real
 * HTTP against a real database created for the run) — both run by `npm test` — the
 * database faults under load (`npm run test:faults`) and the browser test of Swagger UI (`npm run test:browser`).
 *
 * This file imports no local module and does not use `__dirname`: Node 20 loads it through
 * ts-node as CommonJS, Node 24 natively as an ES module, and it must mean the same to both.
 */
process.env.TZ = 'UTC';

/** The workspace root: the nearest directory upwards with `tsconfig.base.json`. */
function workspaceRoot(from: string = process.cwd()): string {
  if (existsSync(join(from, 'tsconfig.base.json'))) return from;
  const parent = dirname(from);
  if (parent === from)
    throw new Error('jest: run from inside the workspace (no tsconfig.base.json)');
  return workspaceRoot(parent);
}

/** The TypeScript path aliases (`@task-api/core`...) as jest module mappings. */
function aliasesFromTsconfig(root: string): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
  const paths: Record<string, string[]> = tsconfig.compilerOptions.paths;
  return Object.fromEntries(
    Object.entries(paths).map(([alias, [target]]) => [`^${alias}$`, join(root, target)]),
  );
}

/** swc compiles without type-checking (that is `npm run typecheck`), 2x faster than ts-jest. */
const swcTransform: Config['transform'] = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
    },
  ],
  // Packages published as ES modules only, which the app loads with Node's require(esm) but
  // jest's CommonJS runtime cannot: compiled to CommonJS like the sources.
  '^.+/node_modules/jose/.+\\.js$': [
    '@swc/jest',
    { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};

/** Every package is used as published, but those of `swcTransform` that are ES modules only. */
const ESM_ONLY_PACKAGES = ['jose'];

const root = workspaceRoot();

const shared = {
  rootDir: root,
  testEnvironment: 'node',
  transform: swcTransform,
  moduleNameMapper: aliasesFromTsconfig(root),
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Decorators (Nest, TypeORM, class-validator) read metadata through this polyfill.
  setupFiles: ['reflect-metadata'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/tmp/'],
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_PACKAGES.join('|')})/)`],
} satisfies Config;

/** Global setup creates the run's database and migrates it; the setup file resets data. */
const withDatabase = {
  globalSetup: '<rootDir>/libs/core/src/testing/e2e-global-setup.ts',
  globalTeardown: '<rootDir>/libs/core/src/testing/e2e-global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/libs/core/src/testing/e2e-setup-file.ts'],
};

const config: Config = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,tools,bench}/**/*.spec.ts'],
    },
    {
      ...shared,
      ...withDatabase,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{apps,libs}/**/*.e2e-spec.ts'],
    },
    {
      // The database failing under load (`npm run test:faults`, on PostgreSQL).
      ...shared,
      ...withDatabase,
      displayName: 'faults',
      testMatch: ['<rootDir>/apps/**/*.faults-spec.ts'],
    },
    {
      // Swagger UI in headless Chromium (`npm run test:browser`; needs Debian's chromium).
      ...shared,
      ...withDatabase,
      displayName: 'browser',
      testMatch: ['<rootDir>/apps/**/*.browser-spec.ts'],
    },
  ],
};

export default config;
