import 'reflect-metadata';
import { createApp, createOpenApiDocument } from '@task-api/core';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../app.module';
import { loadEnvironment } from '../config/environment';

/**
 * Writes the OpenAPI document of the composed app to `openapi.json` (`npm run openapi`), and
 * the TypeScript types a client generates from it (openapi-typescript) to
 * `apps/api/src/client/task-api.d.ts`; with `--check` fails when either committed file is
 * stale (CI). The app boots on an in-memory embedded PostgreSQL: feature libraries register
 * their task extensions during init.
 */
const ROOT = join(__dirname, '../../../..');
const DOCUMENT = join(ROOT, 'openapi.json');
const CLIENT_TYPES = join(ROOT, 'apps/api/src/client/task-api.d.ts');

async function main(check: boolean): Promise<void> {
  const env = loadEnvironment({
    PGLITE_DATA_DIR: 'memory://',
    LOG_LEVEL: 'warn',
    // With an administrator's token set, this throwaway database prints no first token.
    ADMIN_TOKEN: randomBytes(32).toString('hex'),
  });
  const app = await createApp(AppModule.forRoot(env));
  const document = createOpenApiDocument(app);
  await app.close();
  const files = {
    [DOCUMENT]: `${JSON.stringify(document, null, 2)}\n`,
    [CLIENT_TYPES]: await clientTypes(document),
  };
  if (!check) {
    for (const [file, text] of Object.entries(files)) writeFileSync(file, text);
    console.log(
      `openapi.json and client types written (${Object.keys(document.paths).length} paths)`,
    );
    return;
  }
  const stale = Object.keys(files).filter((file) => readFileSync(file, 'utf8') !== files[file]);
  if (stale.length > 0) {
    console.error(`Stale: ${stale.join(', ')}. Run \`npm run openapi\` and commit the result.`);
    process.exit(1);
  }
  console.log('openapi.json and the client types are up to date');
}

/** What `openapi-typescript openapi.json` prints, so a typed client can be checked against it. */
async function clientTypes(document: object): Promise<string> {
  // openapi-typescript is published as an ES module only, hence the dynamic import.
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], {
    silent: true,
    // A field with a default (a task's status, priority) may be left out of a request body.
    defaultNonNullable: false,
  });
  return (
    '// Generated from openapi.json by `npm run openapi` (openapi-typescript); do not edit.\n' +
    astToString(ast)
  );
}

main(process.argv.includes('--check')).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
