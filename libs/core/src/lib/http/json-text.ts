import type { FastifyInstance } from 'fastify';

/**
 * A response body that is already JSON text, as PostgreSQL built it: sent as it is, never
 * parsed and serialized again.
 */
export class JsonText {
  constructor(readonly json: string) {}
}

/** A page whose items are JSON texts: `{"items":[...],"nextCursor":...}` by concatenation. */
export function jsonPage(items: readonly string[], nextCursor: string | null): JsonText {
  return new JsonText(`{"items":[${items.join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`);
}

/**
 * Serializes what handlers answer: a `JsonText` is its text as it is, anything else
 * `JSON.stringify`. A reply serializer rather than an interceptor: it costs nothing per request
 * beyond the call, where every Nest interceptor adds an observable chain to each request.
 * Must be set before the routes are (Fastify copies it into each route).
 */
export function serializeJsonText(fastify: FastifyInstance): void {
  fastify.setReplySerializer((payload) =>
    payload instanceof JsonText ? payload.json : JSON.stringify(payload),
  );
}
