import type { FastifyReply } from 'fastify';
import { ApiHeader } from '@nestjs/swagger';
import { preconditionFailed } from './problem';

/** The `If-Match` request header, as every PATCH and DELETE of a versioned resource documents it. */
export const ApiIfMatch = (example = '"3"'): MethodDecorator =>
  ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag from the last read; a stale one is refused with 412.',
    example,
  });

/**
 * Optimistic concurrency for writes: no `If-Match`, `*`, or a list holding the current ETag
 * passes; anything else is a stale write, refused with 412 naming what changed.
 */
export function assertIfMatch(
  what: string,
  currentEtag: string,
  ifMatch: string | undefined,
): void {
  if (ifMatch === undefined) return;
  const accepted = ifMatch.split(',').map((etag) => etag.trim());
  if (accepted.includes('*') || accepted.includes(currentEtag)) return;
  throw preconditionFailed(
    `The ${what} has changed (its ETag is now ${currentEtag}); fetch it again and retry.`,
  );
}

/** Puts a single resource's `ETag` on the reply and gives the body back, for the handler to return. */
export function replyWithEtag<T>(reply: FastifyReply, etag: string, body: T): T {
  reply.header('etag', etag);
  return body;
}

/** The headers of a 201: where the new resource lives, and its `ETag`. */
export function replyCreated<T>(reply: FastifyReply, location: string, etag: string, body: T): T {
  reply.header('location', location);
  return replyWithEtag(reply, etag, body);
}
