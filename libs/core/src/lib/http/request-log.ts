import type { FastifyInstance } from 'fastify';
import pino, { Logger } from 'pino';

/** The app's one pino logger: Nest's logger (nestjs-pino) and the request log write through it. */
export const APP_LOGGER = Symbol('APP_LOGGER');

/** The app's logger at `level`; credentials never reach a log line. */
export function createAppLogger(level: string): Logger {
  return pino({ level, redact: ['req.headers.authorization', 'req.headers.cookie'] });
}

/**
 * One line per request (`request completed`, at `info`) from Fastify's `onResponse` hook, with
 * the request id, method, route, status and time. A hook rather than pino-http as a Nest
 * middleware: no middleware chain or async context per request, and nothing at all when the
 * level leaves `info` out (the level is fixed at start).
 */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  if (!logger.isLevelEnabled('info')) return;
  fastify.addHook('onResponse', (request, reply, done) => {
    logger.info(
      {
        requestId: request.id,
        req: { method: request.method, url: request.url, route: request.routeOptions.url },
        res: { statusCode: reply.statusCode },
        responseTime: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
    done();
  });
}
