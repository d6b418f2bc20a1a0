import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { DatabaseTimeouts, DEFAULT_TIMEOUTS } from './database-timeouts';
import { lockDataDir } from './data-dir-lock';
import { PgliteWireServer } from './pglite-wire-server';

export const IN_MEMORY = 'memory://';

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL compiled to WebAssembly (PGlite), served over the wire protocol on a loopback port,
 * so the app uses the very same `pg` driver, pool and SQL as on a real server. The wire server
 * gives each connection the single PGlite session for a whole exchange or transaction, so
 * concurrent clients get the answers a server would give (see `PgliteWireServer`). A data
 * directory is locked to this process for as long as the server runs.
 */
export async function startEmbeddedPostgres(
  dataDir: string = IN_MEMORY,
  timeouts: DatabaseTimeouts = DEFAULT_TIMEOUTS,
): Promise<EmbeddedServer> {
  let lock: { release(): void } | undefined;
  if (dataDir !== IN_MEMORY) {
    mkdirSync(dataDir, { recursive: true });
    lock = lockDataDir(dataDir);
  }
  try {
    const db = await PGlite.create(dataDir === IN_MEMORY ? undefined : dataDir);
    // Waiting for the session counts against a statement's time, as on a server it would.
    const server = new PgliteWireServer(db, {
      waitTimeoutMs: timeouts.statementTimeoutMs,
      idleTimeoutMs: timeouts.idleInTransactionTimeoutMs,
    });
    const address = await server.listen();
    return {
      url: `postgres://postgres@${address}/postgres`,
      stop: async () => {
        await server.close();
        await db.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Starts the embedded server on demand and stops it after the app's DataSource is closed. */
@Injectable()
export class EmbeddedPostgres implements OnApplicationShutdown {
  private readonly logger = new Logger(EmbeddedPostgres.name);
  private server?: EmbeddedServer;

  constructor(private readonly moduleRef: ModuleRef) {}

  async start(dataDir: string, timeouts: DatabaseTimeouts): Promise<string> {
    if (this.server) return this.server.url;
    const started = Date.now();
    this.server = await startEmbeddedPostgres(dataDir, timeouts);
    this.logger.log(
      `Embedded PostgreSQL (PGlite) ${dataDir === IN_MEMORY ? 'in memory' : `in ${dataDir}`}, ready in ${Date.now() - started} ms`,
    );
    return this.server.url;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.server) return;
    // The pool must close before the server under it goes; TypeORM skips a closed DataSource.
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    if (dataSource?.isInitialized) await dataSource.destroy();
    await this.server.stop();
    this.server = undefined;
  }
}
