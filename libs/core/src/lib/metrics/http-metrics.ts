import type { FastifyInstance } from 'fastify';
import { Histogram } from 'prom-client';
import { Metrics } from './metrics';

/**
 * `http_request_duration_seconds` by method, route pattern (`/tasks/:id`, never the raw URL,
 * which would make one series per id) and status. Unrouted requests share the route `unmatched`.
 */
export function observeHttpRequests(fastify: FastifyInstance, metrics: Metrics): void {
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from the request to the end of its response',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [metrics.registry],
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1_000,
    );
    done();
  });
}
