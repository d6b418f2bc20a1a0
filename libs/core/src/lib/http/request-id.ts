import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Echo a caller's id only when it is short and plain, so logs cannot be forged through it. */
const ACCEPTED_REQUEST_ID = /^[\w.:@=+/-]{1,128}$/;

/**
 * The request's id: the caller's `X-Request-Id` or a new UUID. Stored on the raw request, where
 * Fastify picks it up (`request.id`, which the request log and problem details carry).
 */
export function requestIdOf(raw: IncomingMessage): string {
  const stored = raw as IncomingMessage & { id?: string };
  if (stored.id) return stored.id;
  const header = raw.headers['x-request-id'];
  const given = Array.isArray(header) ? header[0] : header;
  stored.id = given && ACCEPTED_REQUEST_ID.test(given) ? given : randomUUID();
  return stored.id;
}
