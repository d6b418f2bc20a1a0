import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { Logger } from 'nestjs-pino';
import { registerCors } from './cors';
import { EDGE_OPTIONS, EdgeOptions } from './edge-options';
import { IdempotencyKeys } from './idempotency/idempotency-keys';
import { Authenticator } from '../identity/authenticator';
import { Shutdown } from '../lifecycle/shutdown';
import { observeHttpRequests } from '../metrics/http-metrics';
import { Metrics } from '../metrics/metrics';
import { conditionalGet, sendTagged } from './etag';
import { serializeJsonText } from './json-text';
import { setupOpenApi } from './openapi';
import { decoratePrincipal } from './principal';
import { RateLimits } from './rate-limit';
import {
  PROBLEM_CONTENT_TYPE,
  ProblemDetails,
  problemType,
  titleForStatus,
  typeForStatus,
} from './problem';
import { requestIdOf } from './request-id';
import { APP_LOGGER, logRequests } from './request-log';

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
    // Requests are logged by logRequests, with the app's logger; Fastify's own stays off.
    logger: false,
    // On close, finish in-flight requests but drop idle keep-alive connections at once.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // No Nest middleware: what every request meets is a Fastify hook (registerEdge). Without
    // middleware, @fastify/middie would only add one more hook to every request.
    skipMiddie: true,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
}

/**
 * What Fastify refuses before routing — a path that is not valid percent-encoded UTF-8, a path
 * parameter over 100 characters — is a 400 problem like any other bad path parameter (ids are
 * UUIDs), not Fastify's own JSON.
 */
function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const problem: ProblemDetails = {
    type: problemType('validation-error'),
    title: 'Invalid request',
    status: 400,
    detail:
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? 'A path parameter is longer than any id of this API.'
        : 'The path is not valid percent-encoded UTF-8.',
    instance: request.url,
  };
  void reply
    .status(400)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('x-request-id', request.id)
    .send(problem);
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (headers over the size limit, a
 * malformed request line), answered as problem+json on the raw socket, which then closes.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request line and headers are larger than the limit of this API.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request was not received in time.']
        : [400, 'The request is not valid HTTP.'];
  const body = JSON.stringify({
    type: typeForStatus(status),
    title: titleForStatus(status),
    status,
    detail,
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
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
    // A failed start is thrown to the caller (main.ts names the cause; a test sees the error)
    // instead of Nest exiting the process on its own.
    abortOnError: false,
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
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (closing || shutdown.draining) reply.header('connection', 'close');
    done(null, payload);
  });
  const open = new Set<Socket>();
  fastify.server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  openConnections.set(app, open);
}

/**
 * What every request meets before its handler, in this order: CORS (preflights answered at once,
 * without a credential), authentication (who asks), the rate limit (per user, or per address
 * for a request without a valid credential), the refusal of such a request (401), then the
 * idempotency key. Plugins that hook routes must be registered before the app's init registers
 * them.
 */
async function registerEdge(app: NestFastifyApplication, fastify: FastifyInstance): Promise<void> {
  decoratePrincipal(fastify);
  await registerCors(fastify, app.get<EdgeOptions>(EDGE_OPTIONS).corsOrigins ?? []);
  app.get(Authenticator).register(fastify);
  await app.get(RateLimits).register(fastify);
  app.get(IdempotencyKeys).register(fastify);
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
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  closeKeepAliveOnShutdown(app, fastify);
  logRequests(fastify, app.get(APP_LOGGER));
  observeHttpRequests(fastify, app.get(Metrics));
  serializeJsonText(fastify);
  sendTagged(fastify);
  conditionalGet(fastify);
  await registerEdge(app, fastify);
  await app.init();
  // Feature libraries register their task extensions during init; document them after it.
  setupOpenApi(app as INestApplication);
  await fastify.ready();
  return app;
}
