import { INestApplicationContext, Logger } from '@nestjs/common';
import { Authenticator, Metrics, Shutdown } from '@task-api/core';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';

/** How long readiness waits for the database before answering 503. */
const READY_TIMEOUT_MS = 2_000;

/**
 * The worker's only HTTP: what an orchestrator and Prometheus need. `/health/live` (the process
 * answers), `/health/ready` (the database answers and the worker is not stopping; 503
 * otherwise), `/metrics` (Prometheus text, for the administrator's bearer token as on the API).
 * Anything else is a 404.
 */
export class ProbeServer {
  private constructor(private readonly server: Server) {}

  static async start(
    app: INestApplicationContext,
    port: number,
    host: string,
  ): Promise<ProbeServer> {
    const probes = new Probes(
      app.get(DataSource),
      app.get(Shutdown),
      app.get(Metrics),
      app.get(Authenticator),
    );
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
    private readonly authenticator: Authenticator,
  ) {}

  async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    try {
      if (request.method !== 'GET') return send(response, 405, { status: 'method not allowed' });
      if (path === '/health/live') return send(response, 200, { status: 'ok' });
      if (path === '/health/ready') return await this.readiness(response);
      if (path === '/metrics') {
        if (!(await this.administrator(request, response))) return;
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

  /** Answers 401 or 403 unless the request carries the administrator's bearer token. */
  private async administrator(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<boolean> {
    const verdict = await this.authenticator.authenticate(request.headers.authorization);
    if ('principal' in verdict && verdict.principal.administrator) return true;
    if ('principal' in verdict)
      send(response, 403, { status: 'forbidden: the administrator only' });
    else {
      response.setHeader('www-authenticate', 'Bearer realm="Task API"');
      send(response, 401, { status: "unauthorized: the administrator's bearer token is needed" });
    }
    return false;
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
