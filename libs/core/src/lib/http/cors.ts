import fastifyCors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/** What a browser script may send: credentials travel as a bearer token, never as a cookie. */
const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'If-Match',
  'If-None-Match',
  'Idempotency-Key',
  'X-Request-Id',
];

/** What a browser script may read beyond the CORS-safelisted response headers. */
const EXPOSED_HEADERS = [
  'ETag',
  'Location',
  'X-Request-Id',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'Retry-After',
  'Idempotent-Replayed',
];

/**
 * CORS for the configured origins only (none by default: no CORS headers, no preflight route).
 * Preflights are answered in an `onRequest` hook, before authentication and rate limits, since
 * a browser sends them without the request's headers.
 */
export async function registerCors(fastify: FastifyInstance, origins: string[]): Promise<void> {
  if (origins.length === 0) return;
  await fastify.register(fastifyCors, {
    origin: origins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    credentials: false,
    // Browsers cache a preflight this long (Chromium caps it at 2 hours).
    maxAge: 600,
    // An OPTIONS without Origin is no preflight; answer it like any other, not with a text 400.
    strictPreflight: false,
  });
}
