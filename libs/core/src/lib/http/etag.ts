import { Headers, Type, applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiResponse } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hash } from 'node:crypto';
import { JsonText } from './json-text';
import { preconditionFailed } from './problem';

/**
 * ETags, one mechanism for every resource: a handler returns a `Tagged` body (the service
 * computed the ETag of exactly what it returns), `sendTagged` puts `ETag` (and
 * `Location` for a resource just created) on the reply, `conditionalGet` answers a matching
 * `If-None-Match` with 304, and `@IfMatch()` hands a write's precondition to the service,
 * which checks it with `assertIfMatch` inside the write's transaction.
 */

/** A strong ETag of a JSON text: equal bodies, equal ETags; any change of the body, a new one. */
export function etagOfJson(json: string): string {
  return `"${hash('sha256', json, 'base64url').slice(0, 22)}"`;
}

/**
 * The ETag of a representation: the digest of the very JSON sent (a `JsonText` as PostgreSQL
 * built it, or a DTO as it is serialized), so it changes exactly when the body does.
 */
export function etagOf(body: JsonText | object): string {
  return etagOfJson(body instanceof JsonText ? body.json : JSON.stringify(body));
}

/** A single resource as a handler answers it: the body, its ETag, and where it lives if new. */
export class Tagged<Body extends JsonText | object = JsonText | object> {
  readonly etag: string;

  constructor(
    readonly body: Body,
    readonly location?: string,
  ) {
    this.etag = etagOf(body);
  }
}

/**
 * Sets `ETag` and `Location` from a `Tagged` handler result and sends its body, in Fastify's
 * `preSerialization` (called for object bodies only): no per-request interceptor chain.
 */
export function sendTagged(fastify: FastifyInstance): void {
  fastify.addHook('preSerialization', (_request, reply, payload: unknown, done) => {
    if (!(payload instanceof Tagged)) return done(null, payload);
    reply.header('etag', payload.etag);
    if (payload.location) reply.header('location', payload.location);
    done(null, payload.body);
  });
}

/** Does a list of entity tags (`If-Match`, `If-None-Match`) name this ETag, or `*`? */
function listNames(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const accepted = header.split(',').map((item) => item.trim());
  return accepted.includes('*') || accepted.includes(etag);
}

/**
 * RFC 9110 §13.1.2: a `GET` or `HEAD` whose `If-None-Match` names the ETag of the 200 about to
 * be sent is answered 304 Not Modified, with the ETag and no body.
 */
export function conditionalGet(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (!isNotModified(request, reply)) return done(null, payload);
    reply.code(304);
    reply.removeHeader('content-type');
    reply.removeHeader('content-length');
    done(null, '');
  });
}

function isNotModified(request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const etag = reply.getHeader('etag');
  if (reply.statusCode !== 200 || typeof etag !== 'string') return false;
  const ifNoneMatch = request.headers['if-none-match'];
  return listNames(typeof ifNoneMatch === 'string' ? ifNoneMatch : undefined, etag);
}

/** The `If-Match` header of a write, for its service to check (`ApiIfMatch` documents it). */
export const IfMatch = (): ParameterDecorator => Headers('if-match');

/** The `If-Match` request header, as every PATCH and DELETE of a versioned resource documents it. */
export const ApiIfMatch = (
  description = 'The ETag from the last read; a stale one is refused with 412.',
): MethodDecorator =>
  ApiHeader({ name: 'If-Match', required: false, description, example: '"Zk3mBqH8t0aVbY2cXw1e"' });

/** A read of a single resource: its 200 with `ETag`, and 304 for a matching `If-None-Match`. */
export const ApiReadEtag = (type: Type, description: string): MethodDecorator =>
  applyDecorators(
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'An ETag from an earlier read: 304 without a body while it is still current.',
    }),
    ApiOkResponse({ type, description, headers: { ETag: { schema: { type: 'string' } } } }),
    ApiResponse({ status: 304, description: 'Not modified: the ETag sent is still current.' }),
  );

/**
 * Optimistic concurrency for writes: no `If-Match`, `*`, or a list holding the current ETag
 * passes; anything else is a stale write, refused with 412 naming what changed.
 */
export function assertIfMatch(
  what: string,
  currentEtag: string,
  ifMatch: string | undefined,
): void {
  if (ifMatch === undefined || listNames(ifMatch, currentEtag)) return;
  throw preconditionFailed(
    `The ${what} has changed (its ETag is now ${currentEtag}); fetch it again and retry.`,
  );
}
