import { onRealPostgres } from '../../testing';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DatabaseTimeouts, DEFAULT_TIMEOUTS } from './database-timeouts';
import { DataDirInUseError, LOCK_FILE } from './data-dir-lock';
import { EmbeddedServer, startEmbeddedPostgres } from './embedded-postgres';

/**
 * Embedded PostgreSQL's own guarantees, whatever database the rest of the run uses: PGlite is
 * one session, and the wire server must still keep concurrent clients apart as a server would.
 */
// Embedded PostgreSQL itself is under test, whatever the run's database: the embedded run
// (`env -u DATABASE_URL npm test`) covers it, the PostgreSQL run need not repeat it.
(onRealPostgres() ? describe.skip : describe)('Embedded PostgreSQL (e2e)', () => {
  async function connect(server: EmbeddedServer): Promise<Client> {
    const client = new Client({ connectionString: server.url });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  }

  describe('several clients at once', () => {
    let server: EmbeddedServer;
    let admin: Client;
    const timeouts: DatabaseTimeouts = {
      ...DEFAULT_TIMEOUTS,
      statementTimeoutMs: 1_000,
      idleInTransactionTimeoutMs: 1_500,
    };

    beforeAll(async () => {
      server = await startEmbeddedPostgres(undefined, timeouts);
      admin = await connect(server);
      await admin.query('CREATE TABLE items (id int PRIMARY KEY, note text)');
    });
    afterAll(async () => {
      await admin.end();
      await server.stop();
    });
    beforeEach(() => admin.query('TRUNCATE items'));

    const count = async (client: Client = admin): Promise<number> =>
      (await client.query('SELECT count(*)::int AS n FROM items')).rows[0].n;

    it("runs no statement of another client inside a client's open transaction", async () => {
      const writer = await connect(server);
      const reader = await connect(server);
      await writer.query('BEGIN');
      await writer.query('INSERT INTO items VALUES ($1, $2)', [1, 'uncommitted']);
      // The reader waits for the writer's transaction instead of running inside it.
      const seen = count(reader);
      await writer.query('ROLLBACK');
      expect(await seen).toBe(0);
      await Promise.all([writer.end(), reader.end()]);
    });

    it('rolls back the transaction of a client that disconnects in the middle of it', async () => {
      const writer = await connect(server);
      await writer.query('BEGIN');
      await writer.query('INSERT INTO items VALUES ($1, $2)', [1, 'abandoned']);
      const waiting = count();
      (
        writer as unknown as { connection: { stream: { destroy(): void } } }
      ).connection.stream.destroy();
      expect(await waiting).toBe(0);
      await admin.query('INSERT INTO items VALUES ($1, $2)', [1, 'the key is free again']);
      expect(await count()).toBe(1);
    });

    it('keeps each client’s extended-protocol exchanges whole under 200 concurrent queries', async () => {
      const clients = await Promise.all(Array.from({ length: 8 }, () => connect(server)));
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          clients[i % clients.length]
            .query('INSERT INTO items VALUES ($1, $2) RETURNING id, note', [i, `note ${i}`])
            .then((result) => result.rows[0]),
        ),
      );
      expect(answers).toEqual(
        Array.from({ length: 200 }, (_, i) => ({ id: i, note: `note ${i}` })),
      );
      expect(await count()).toBe(200);
      await Promise.all(clients.map((client) => client.end()));
    });

    it('fails a statement that waited too long for the session with 57014, and the client goes on', async () => {
      const holder = await connect(server);
      const waiter = await connect(server);
      await holder.query('BEGIN');
      await expect(waiter.query('SELECT $1::int AS one', [1])).rejects.toMatchObject({
        code: '57014',
      });
      await holder.query('COMMIT');
      expect((await waiter.query('SELECT $1::int AS one', [1])).rows).toEqual([{ one: 1 }]);
      await Promise.all([holder.end(), waiter.end()]);
    });

    it('rolls back and closes a connection idle in a transaction for too long', async () => {
      const idle = await connect(server);
      await idle.query('BEGIN');
      await idle.query('INSERT INTO items VALUES ($1, $2)', [7, 'forgotten']);
      const closed = new Promise((resolve) => idle.once('end', resolve));
      await closed;
      expect(await count()).toBe(0);
      await expect(idle.query('SELECT 1')).rejects.toThrow();
    });
  });

  describe('a data directory', () => {
    let dataDir: string;
    beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'task-api-embedded-'))));
    afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

    it('is used by one server at a time: a second refuses, naming it; a stale lock is taken over', async () => {
      // A lock left by a process that died (kill -9) does not keep the directory closed.
      const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
      writeFileSync(join(dataDir, LOCK_FILE), String(gone));
      const first = await startEmbeddedPostgres(dataDir);
      try {
        await expect(startEmbeddedPostgres(dataDir)).rejects.toThrow(DataDirInUseError);
        await expect(startEmbeddedPostgres(dataDir)).rejects.toThrow(resolve(dataDir));
      } finally {
        await first.stop();
      }
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
      const second = await startEmbeddedPostgres(dataDir);
      await second.stop();
    });
  });
});
