import { INestApplicationContext, Logger } from '@nestjs/common';
import { Metrics, Shutdown } from '@task-api/core';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';

/** How long readiness waits for the database before answering 503. */
const READY_TIMEOUT_MS = 2_000;

/**
 * The worker's only HTTP: what an orchestrator and Prometheus need. `/health/live` (the process
 * answers), `/health/ready` (the database answers and the worker is not stopping; 503
 * otherwise), `/metrics` (Prometheus text). Anything else is a 404.
 */
export class ProbeServer {
  private constructor(private readonly server: Server) {}

  static async start(
    app: INestApplicationContext,
    port: number,
    host: string,
  ): Promise<ProbeServer> {
    const probes = new Probes(app.get(DataSource), app.get(Shutdown), app.get(Metrics));
    const server = createServer((request, response) => void probes.answer(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, resolve);
    });
    return new ProbeServer(server);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

class Probes {
  private readonly logger = new Logger('Probes');

  constructor(
    private readonly dataSource: DataSource,
    private readonly shutdown: Shutdown,
    private readonly metrics: Metrics,
  ) {}

  async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    try {
      if (request.method !== 'GET') return send(response, 405, { status: 'method not allowed' });
      if (path === '/health/live') return send(response, 200, { status: 'ok' });
      if (path === '/health/ready') return await this.readiness(response);
      if (path === '/metrics') {
        const body = await this.metrics.render();
        response.writeHead(200, { 'content-type': this.metrics.contentType }).end(body);
        return;
      }
      send(response, 404, { status: 'not found' });
    } catch (error) {
      this.logger.error({ err: error, path }, 'A probe failed');
      send(response, 500, { status: 'error' });
    }
  }

  private async readiness(response: ServerResponse): Promise<void> {
    if (this.shutdown.draining) return send(response, 503, { status: 'stopping' });
    const database = await this.pingDatabase();
    send(response, database ? 200 : 503, { status: database ? 'ok' : 'database unavailable' });
  }

  private async pingDatabase(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
    });
    const ping = this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([ping, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function send(response: ServerResponse, status: number, body: object): void {
  response
    .writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    .end(JSON.stringify(body));
}
