import type { Config } from 'jest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

process.env.TZ = 'UTC';

const root = __dirname;

/** The TypeScript path aliases (`@task-api/core`...) as jest module mappings. */
function aliasesFromTsconfig(): Record<string, string> {
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
};

export const sharedProjectConfig = {
  rootDir: root,
  testEnvironment: 'node',
  transform: swcTransform,
  moduleNameMapper: aliasesFromTsconfig(),
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Decorators (Nest, TypeORM, class-validator) read metadata through this polyfill.
  setupFiles: ['reflect-metadata'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/tmp/'],
} satisfies Config;
