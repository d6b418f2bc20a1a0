import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { Logger } from 'nestjs-pino';
import type { Socket } from 'node:net';
import { Shutdown } from '../lifecycle/shutdown';
import { observeHttpRequests } from '../metrics/http-metrics';
import { Metrics } from '../metrics/metrics';
import { setupOpenApi } from './openapi';
import { requestIdOf } from './request-id';

export const DEFAULT_BODY_LIMIT = 100 * 1024;

export interface HttpOptions {
  bodyLimit?: number;
}

/**
 * Fastify rather than Express: a faster router and serializer, body limits and content-type
 * checks (413/415) built in. Requests get their id before anything else runs.
 */
function createHttpAdapter(options: HttpOptions): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    genReqId: requestIdOf,
    // Nest logs requests through pino-http; Fastify's own logger stays off.
    logger: false,
    // On close, finish in-flight requests but drop idle keep-alive connections at once.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
}

/**
 * Builds and initializes an app from a root module, the same way for `main.ts` and for the
 * tests so that both answer alike: adapter, logger, request ids, metrics, OpenAPI, the
 * connection handling of a stop. Signals are `main.ts`'s (`stopOnSignals`); tests close apps.
 */
export async function createApp(
  module: Type | DynamicModule,
  options: HttpOptions = {},
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(module, createHttpAdapter(options), {
    bufferLogs: true,
    // Fastify's own JSON parser only: no form or text bodies (they are answered with 415).
    bodyParser: false,
  });
  return configureApp(app);
}

/** The open connections of each app's server, for `drainConnections`. */
const openConnections = new WeakMap<NestFastifyApplication, Set<Socket>>();

/**
 * From the moment the stop begins (SIGTERM), every response carries `Connection: close`: a
 * keep-alive client learns with its next answer that the socket ends, instead of sending a
 * request on it just as it is closed.
 */
function closeKeepAliveOnShutdown(app: NestFastifyApplication, fastify: FastifyInstance): void {
  const shutdown = app.get(Shutdown);
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('onSend', async (_request, reply) => {
    if (closing || shutdown.draining) reply.header('connection', 'close');
  });
  const open = new Set<Socket>();
  fastify.server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  openConnections.set(app, open);
}

/**
 * Once the stop has begun: waits until the clients have closed their connections (each does
 * after its next answer) or `maxMs` has passed; `app.close()` then ends the idle ones.
 */
export async function drainConnections(app: NestFastifyApplication, maxMs: number): Promise<void> {
  const open = openConnections.get(app);
  const deadline = Date.now() + maxMs;
  while (open && open.size > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function configureApp(app: NestFastifyApplication): Promise<NestFastifyApplication> {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  // JSON only: a text/plain body is a 415, not a string handed to the validators.
  fastify.removeContentTypeParser(['text/plain']);
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  closeKeepAliveOnShutdown(app, fastify);
  observeHttpRequests(fastify, app.get(Metrics));
  await app.init();
  // Feature libraries register their task extensions during init; document them after it.
  setupOpenApi(app as INestApplication);
  await fastify.ready();
  return app;
}
