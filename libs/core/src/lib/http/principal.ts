import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Who is asking, once authentication has established it: a user, and whether it administers. */
export interface Principal {
  userId: string;
  /** The administrator (`ADMIN_TOKEN`, or a token of the administrator user): `/users`, `/metrics`. */
  administrator: boolean;
}

/**
 * What anyone may ask without a token: the probes (a load balancer has none) and the
 * documentation (Swagger UI must load before a token can be entered). Neither is rate limited.
 */
const PUBLIC_PATHS = /^\/(health\/|docs)/;

export const isPublicPath = (url: string): boolean => PUBLIC_PATHS.test(url);

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by authentication in an `onRequest` hook; null for an anonymous request. */
    principal: Principal | null;
  }
}

/** Every request starts anonymous; authentication, when present, fills in the principal. */
export function decoratePrincipal(fastify: FastifyInstance): void {
  fastify.decorateRequest('principal', null);
}

/**
 * The one place the HTTP edge reads who a request comes from: the key that per-caller state is
 * kept under (rate-limit budgets, idempotency records). `user:<id>` for an authenticated request,
 * else `anonymous:<client address>` (an IPv6 client counts as its /64, as one host usually has
 * the whole prefix). Authentication sets `request.principal` in a shared `onRequest` hook: rate
 * limits run in each route's own `onRequest` hook and idempotency at `preHandler`, both after it.
 */
export function principalKey(request: FastifyRequest): string {
  return request.principal
    ? `user:${request.principal.userId}`
    : `anonymous:${normalizeIP(request.ip)}`;
}
