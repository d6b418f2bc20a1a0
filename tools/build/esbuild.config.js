// @ts-check
/**
 * esbuild options shared by the apps' `build` targets (`@nx/esbuild:esbuild`).
 *
 * esbuild bundles the workspace libraries (resolving the `@task-api/*` path aliases) and leaves
 * every npm package external, so `dist/` runs on the production dependencies alone. esbuild
 * does not emit decorator metadata, which NestJS injection and TypeORM columns read at run
 * time: TypeScript files go through swc first, with the options of the workspace's `.swcrc`.
 */
const { transformFile } = require('@swc/core');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const swcrc = JSON.parse(readFileSync(join(__dirname, '../../.swcrc'), 'utf8'));

/** @type {import('esbuild').Plugin} */
const decoratorMetadata = {
  name: 'swc-decorator-metadata',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const { code } = await transformFile(path, {
        ...swcrc,
        $schema: undefined,
        swcrc: false,
        // esbuild chains this inline map into the bundle's. CommonJS, as tsc would emit: the
        // metadata of a type-only import then reads `undefined` instead of failing the bundle.
        sourceMaps: 'inline',
        module: { type: 'commonjs' },
      });
      return { contents: code, loader: 'js' };
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
module.exports = {
  plugins: [decoratorMetadata],
  packages: 'external',
  // Migrations are found by class name (it ends in their timestamp); keep every name as written.
  keepNames: true,
  outExtension: { '.js': '.js' },
};
