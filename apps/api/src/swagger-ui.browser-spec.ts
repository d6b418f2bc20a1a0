import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TestUser, createTestUser, resetDatabase, testDatabaseUrl } from '@task-api/core/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { DataSource } from 'typeorm';
import { createApiApp } from './testing/create-api-app';

/** Screenshots land here; CI keeps the folder as an artifact. */
const SCREENSHOTS = join(__dirname, '../../../artifacts/swagger-ui');

/**
 * Swagger UI as a person uses it: a real Chromium opens /docs, enters an API token with
 * "Authorize", tries POST /tasks out, and the page shows the 201 of a task that is then really
 * in the database, the token's user's.
 */
describe('Swagger UI in a real browser', () => {
  let app: NestFastifyApplication;
  let browser: Browser;
  let baseUrl: string;
  let user: TestUser;

  beforeAll(async () => {
    app = await createApiApp(testDatabaseUrl());
    user = await createTestUser(app);
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
    await resetDatabase(app);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // As root in CI, and with no network beyond loopback: no sandbox, no background calls.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('takes a token with "Authorize", creates a task with "Try it out" and shows the 201 response', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
    await page.goto(`${baseUrl}/docs`);
    await page.locator('.auth-wrapper button.authorize').click();
    const dialog = page.locator('.modal-ux');
    await dialog.locator('input').first().fill(user.token);
    await dialog.locator('.auth-btn-wrapper button.authorize').click();
    await dialog.locator('.auth-btn-wrapper button.btn-done').click();
    const operation = page.locator('#operations-tasks-createTask');
    await operation.locator('.opblock-summary').click();
    await operation.getByRole('button', { name: 'Try it out' }).click();
    await operation.locator('textarea.body-param__text').fill(
      JSON.stringify({
        title: 'Created from Swagger UI',
        priority: 'high',
        dueAt: '2030-01-01T09:00:00Z',
      }),
    );
    await operation.getByRole('button', { name: 'Execute' }).click();

    const status = operation
      .locator('.live-responses-table .response .response-col_status')
      .first();
    await status.waitFor();
    expect((await status.textContent())?.trim()).toBe('201');
    const body = await operation
      .locator('.live-responses-table .response-col_description pre')
      .first()
      .textContent();
    const created = JSON.parse(body ?? '{}');
    expect(created).toMatchObject({
      title: 'Created from Swagger UI',
      priority: 'high',
      dueAt: '2030-01-01T09:00:00.000Z',
    });
    await operation.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'create-task.png'), fullPage: false });

    const rows = await app
      .get(DataSource)
      .query('SELECT title, owner_id FROM tasks WHERE id = $1', [created.id]);
    expect(rows).toEqual([{ title: 'Created from Swagger UI', owner_id: user.id }]);
  });
});
