import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';
import { DataSource } from 'typeorm';

export const IN_MEMORY = 'memory://';

/** Enough for every pool of the process (and of a test run's apps) to connect at once. */
const MAX_CONNECTIONS = 100;

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL compiled to WebAssembly (PGlite), served over the wire protocol on a loopback port,
 * so the app uses the very same `pg` driver, pool and SQL as on a real server. The socket
 * server keeps a connection's transaction to itself, which `typeorm-pglite` does not.
 */
export async function startEmbeddedPostgres(dataDir: string = IN_MEMORY): Promise<EmbeddedServer> {
  if (dataDir !== IN_MEMORY) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir === IN_MEMORY ? undefined : dataDir);
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: 0,
    maxConnections: MAX_CONNECTIONS,
  });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

/** Starts the embedded server on demand and stops it after the app's DataSource is closed. */
@Injectable()
export class EmbeddedPostgres implements OnApplicationShutdown {
  private readonly logger = new Logger(EmbeddedPostgres.name);
  private server?: EmbeddedServer;

  constructor(private readonly moduleRef: ModuleRef) {}

  async start(dataDir: string): Promise<string> {
    if (this.server) return this.server.url;
    const started = Date.now();
    this.server = await startEmbeddedPostgres(dataDir);
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
