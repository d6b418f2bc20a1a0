import 'reflect-metadata';
import { createApp, createOpenApiDocument } from '@task-api/core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../app.module';
import { loadEnvironment } from '../config/environment';

/**
 * Writes the OpenAPI document of the composed app to `openapi.json` (`npm run openapi`), or
 * with `--check` fails when the committed file is stale (CI). The app boots on an in-memory
 * embedded PostgreSQL: feature libraries register their task extensions during init.
 */
const OUTPUT = join(__dirname, '../../../../openapi.json');

async function main(check: boolean): Promise<void> {
  const env = loadEnvironment({ PGLITE_DATA_DIR: 'memory://', LOG_LEVEL: 'warn' });
  const app = await createApp(AppModule.forRoot(env));
  const document = `${JSON.stringify(createOpenApiDocument(app), null, 2)}\n`;
  await app.close();
  if (!check) {
    writeFileSync(OUTPUT, document);
    console.log(`openapi.json written (${Object.keys(JSON.parse(document).paths).length} paths)`);
    return;
  }
  const committed = readFileSync(OUTPUT, 'utf8');
  if (committed !== document) {
    console.error('openapi.json is stale: run `npm run openapi` and commit the result.');
    process.exit(1);
  }
  console.log('openapi.json is up to date');
}

main(process.argv.includes('--check')).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
