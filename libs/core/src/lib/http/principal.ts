import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Who is asking, once authentication has established it. */
export interface Principal {
  userId: string;
}

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
 * the whole prefix). Authentication must set `request.principal` in an `onRequest` hook: rate
 * limits run at `preParsing` and idempotency at `preHandler`, after every `onRequest` hook.
 */
export function principalKey(request: FastifyRequest): string {
  return request.principal
    ? `user:${request.principal.userId}`
    : `anonymous:${normalizeIP(request.ip)}`;
}
