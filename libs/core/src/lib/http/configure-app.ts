import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { Logger } from 'nestjs-pino';
import { conditionalGet } from './etag';
import { setupOpenApi } from './openapi';
import { requestIdOf } from './request-id';

export const DEFAULT_BODY_LIMIT = 100 * 1024;

export interface HttpOptions {
  bodyLimit?: number;
  /** SIGTERM handling; tests close their apps themselves. */
  shutdownHooks?: boolean;
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
 * tests so that both answer alike: adapter, logger, request ids, OpenAPI, shutdown hooks.
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
  return configureApp(app, options.shutdownHooks ?? true);
}

/**
 * A request still in flight when the app starts closing is answered with `Connection: close`,
 * so a keep-alive client does not hold the shutdown open until its idle timeout.
 */
function closeKeepAliveOnShutdown(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
}

async function configureApp(
  app: NestFastifyApplication,
  shutdownHooks: boolean,
): Promise<NestFastifyApplication> {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  // JSON only: a text/plain body is a 415, not a string handed to the validators.
  fastify.removeContentTypeParser(['text/plain']);
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  closeKeepAliveOnShutdown(fastify);
  conditionalGet(fastify);
  // SIGTERM: stop accepting, finish in-flight requests, close the pool (tests close apps themselves).
  if (shutdownHooks) app.enableShutdownHooks();
  await app.init();
  // Feature libraries register their task extensions during init; document them after it.
  setupOpenApi(app as INestApplication);
  await fastify.ready();
  return app;
}
