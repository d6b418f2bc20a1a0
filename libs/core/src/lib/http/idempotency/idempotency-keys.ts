import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onSendHookHandler,
  preHandlerHookHandler,
} from 'fastify';
import { createHash, randomUUID } from 'node:crypto';
import { principalKey } from '../principal';
import { ProblemException, badRequest, problemType } from '../problem';
import { ClaimKey, IdempotencyRepository, StoredResponse } from './idempotency.repository';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Marks a replayed response, so a client can tell it from a first answer. */
export const REPLAYED_HEADER = 'idempotent-replayed';
/** What a replay repeats besides status and body. */
const STORED_HEADERS = ['content-type', 'location', 'etag'];
const PURGE_INTERVAL_MS = 10 * 60_000;

export const KEY_REUSED = {
  type: problemType('idempotency-key-reused'),
  detail:
    'This Idempotency-Key was used with another request (method, path or body); use a new key for a new request.',
};
export const KEY_IN_FLIGHT = {
  type: problemType('idempotency-key-in-flight'),
  detail: 'The first request with this Idempotency-Key is still being processed; retry shortly.',
};

/** Printable ASCII without quote or backslash, 1 to 255 characters (a UUID is typical). */
const KEY_TEXT = /^[\x20\x21\x23-\x5b\x5d-\x7e]{1,255}$/;

/**
 * The `Idempotency-Key` header's value. The IETF draft makes it a Structured Field string
 * (`"8e03978e-..."`); the bare form (`8e03978e-...`) that most clients send is accepted too.
 * Absent: `undefined`; anything else malformed: a 400.
 */
export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const text = Array.isArray(header) ? undefined : header.trim();
  const key = text?.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
  if (key === undefined || !KEY_TEXT.test(key) || key.trim() !== key) {
    throw badRequest('The Idempotency-Key header is not valid.', [
      {
        field: 'Idempotency-Key',
        message: 'must be one string of 1 to 255 printable ASCII characters, e.g. a UUID',
      },
    ]);
  }
  return key;
}

/** JSON with object keys sorted at every depth: the same body in another key order is the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, member]) => `${JSON.stringify(name)}:${canonicalJson(member)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? '';
}

/** What makes two requests "the same request": method, path with query, and body. */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${url}\n${canonicalJson(body)}`)
    .digest('hex');
}

/**
 * `Idempotency-Key` on every POST (IETF httpapi draft): a retry with the same key and the same
 * request within 24 hours gets the first response again (same status, body, `Location` and
 * `ETag`, plus `Idempotent-Replayed: true`) and does nothing again; the same key with another
 * request is a 422; a retry while the first is still running is a 409 with `Retry-After`.
 *
 * Only successes are kept. A 5xx may have failed before doing anything, and a 4xx did nothing
 * (every 4xx of this API changes nothing), so in both cases the key is released and a retry runs
 * the request again, as it should once the cause is gone (the database is back, the task now
 * exists, the body is fixed).
 *
 * Fastify hooks rather than a Nest interceptor: the claim needs the parsed body and the principal
 * (`preHandler`), and the record must hold the bytes actually sent, error bodies included
 * (`onSend`), before the client sees them.
 */
@Injectable()
export class IdempotencyKeys implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IdempotencyKeys');
  private readonly claims = new WeakMap<FastifyRequest, ClaimKey>();
  private purgeTimer?: NodeJS.Timeout;

  constructor(private readonly repository: IdempotencyRepository) {}

  /** Hooks every POST route registered after this (so: before the app's init); no other route pays for them. */
  register(fastify: FastifyInstance): void {
    // Most requests carry no key: they pass both hooks without a promise.
    const claim: preHandlerHookHandler = (request, reply, done) => {
      if (request.headers[IDEMPOTENCY_KEY_HEADER] === undefined) return done();
      this.claimOrReplay(request, reply).then(() => done(), done);
    };
    const settle: onSendHookHandler = (request, reply, payload, done) => {
      if (!this.claims.has(request)) return done(null, payload);
      this.settle(request, reply, payload).then(() => done(null, payload), done);
    };
    fastify.addHook('onRoute', (route) => {
      if (![route.method].flat().includes('POST')) return;
      route.preHandler = [...[route.preHandler ?? []].flat(), claim];
      route.onSend = [...[route.onSend ?? []].flat(), settle];
    });
  }

  onApplicationBootstrap(): void {
    this.purgeTimer = setInterval(() => void this.purge(), PURGE_INTERVAL_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.purgeTimer);
  }

  /** Deletes expired records; any process may, and several at once do no harm. */
  async purge(): Promise<number> {
    try {
      return await this.repository.purgeExpired();
    } catch (error) {
      this.logger.warn({ err: error }, 'Purging expired idempotency keys failed; retried later');
      return 0;
    }
  }

  private async claimOrReplay(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const key = parseIdempotencyKey(request.headers[IDEMPOTENCY_KEY_HEADER]);
    if (key === undefined) return;
    const claim: ClaimKey = { principal: principalKey(request), key, claimId: randomUUID() };
    const fingerprint = requestFingerprint(request.method, request.url, request.body);
    const outcome = await this.repository.claim(claim, fingerprint);
    if (outcome.claimed) {
      this.claims.set(request, claim);
      return;
    }
    if (outcome.existing.fingerprint !== fingerprint) {
      throw new ProblemException(422, KEY_REUSED.detail, { type: KEY_REUSED.type });
    }
    const response = outcome.existing.response;
    if (!response) {
      reply.header('retry-after', '1');
      throw new ProblemException(409, KEY_IN_FLIGHT.detail, { type: KEY_IN_FLIGHT.type });
    }
    reply
      .code(response.status)
      .headers({ ...response.headers, [REPLAYED_HEADER]: 'true' })
      .send(response.body ?? undefined);
  }

  /** After the handler, before the client sees the answer: keep a success, release otherwise. */
  private async settle(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const claim = this.claims.get(request);
    if (!claim) return;
    this.claims.delete(request);
    const response = storableResponse(reply, payload);
    try {
      if (response) await this.repository.complete(claim, response);
      else await this.repository.release(claim);
    } catch (error) {
      // The database is gone: the answer still goes out, and a retry meets the claim (409)
      // until it counts as abandoned, then runs again, a success a second time. Logged as an
      // error since it weakens the guarantee.
      this.logger.error(
        { reqId: request.id, err: error },
        `Could not record the response for Idempotency-Key ${claim.key}`,
      );
    }
  }
}

function storableResponse(reply: FastifyReply, payload: unknown): StoredResponse | undefined {
  const status = reply.statusCode;
  if (status < 200 || status >= 400) return undefined;
  if (payload !== undefined && payload !== null && typeof payload !== 'string') return undefined;
  const headers: Record<string, string> = {};
  for (const name of STORED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return { status, headers, body: payload ?? null };
}
