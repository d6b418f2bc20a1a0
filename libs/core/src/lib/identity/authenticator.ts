import { Inject, Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Principal, isPublicPath } from '../http/principal';
import { unauthorized } from '../http/problem';
import { API_TOKEN_PREFIX, hashSecret, sameHash } from './api-token-secret';
import { CredentialCache, Verdict } from './credential-cache';
import { IDENTITY_OPTIONS, IdentityOptions } from './identity-options';
import { IdentityRepository } from './identity.repository';
import { OidcTokenRefused, OidcTokens, looksLikeJwt } from './oidc-tokens';
import { TokenUse } from './token-use';

const MISSING =
  'This request needs a credential: send `Authorization: Bearer <token>` with an API token.';
const UNKNOWN = 'The bearer token is not known.';

/** `Authorization: Bearer <token>` (RFC 6750): the token, or undefined for anything else. */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer +([\x21-\x7e]+) *$/i.exec(header ?? '')?.[1];
}

/**
 * Who a request comes from, from its bearer token: an API token (`tapi_...`, looked up by its
 * SHA-256), `ADMIN_TOKEN` (compared by hash in constant time), or with OpenID Connect configured
 * a JWT of that provider. A credential looked up is trusted for a few seconds in this process
 * (`CredentialCache`), so a known client costs no statement; the last use of an API token is
 * written in batches (`TokenUse`).
 *
 * Two Fastify hooks, so that refused requests are rate limited too: a shared `onRequest` hook
 * names the principal (or notes why there is none) before the rate limit counts (each route's
 * own `onRequest` hook, keyed by the principal, else by the address), and a `preParsing` hook
 * then refuses with 401 before the body is read. `/health/*` and `/docs*` need no credential.
 */
@Injectable()
export class Authenticator {
  private readonly cache: CredentialCache;
  private readonly adminHash?: string;
  private readonly oidc?: OidcTokens;
  private administratorId?: Promise<string>;
  private readonly refusals = new WeakMap<FastifyRequest, string>();

  constructor(
    private readonly repository: IdentityRepository,
    private readonly tokenUse: TokenUse,
    @Inject(IDENTITY_OPTIONS) options: IdentityOptions,
  ) {
    this.cache = new CredentialCache(options.credentialTtlMs);
    this.adminHash = options.adminToken === undefined ? undefined : hashSecret(options.adminToken);
    this.oidc = options.oidc && new OidcTokens(options.oidc);
  }

  register(fastify: FastifyInstance): void {
    // A callback hook: a client the cache knows is answered without a promise (most requests).
    fastify.addHook('onRequest', (request, _reply, done) => {
      if (isPublicPath(request.url)) return done();
      const known = this.knownVerdict(request.headers.authorization);
      if (known) {
        this.note(request, known);
        return done();
      }
      this.authenticate(request.headers.authorization).then((verdict) => {
        this.note(request, verdict);
        done();
      }, done);
    });
    fastify.addHook('preParsing', (request, reply, payload, done) => {
      const refused = this.refusals.get(request);
      if (refused === undefined) return done(null, payload);
      refuse(reply, refused);
    });
    // Once the requests in flight have finished, before the app closes the pool.
    fastify.addHook('onClose', () => this.tokenUse.flush());
  }

  /** The principal a bearer credential stands for, or why it stands for nobody. */
  async authenticate(header: string | undefined, now = Date.now()): Promise<Verdict> {
    const token = bearerToken(header);
    if (token === undefined) return { refused: MISSING };
    const hash = hashSecret(token);
    if (this.adminHash !== undefined && sameHash(hash, this.adminHash)) {
      return { principal: await this.administrator(), expiresAt: null };
    }
    const verdict = await this.cache.verdict(hash, () => this.lookUp(token, hash), now);
    return this.checked(verdict, now);
  }

  /** `authenticate`'s answer when the cache already holds it (not `ADMIN_TOKEN`); else undefined. */
  private knownVerdict(header: string | undefined, now = Date.now()): Verdict | undefined {
    const token = bearerToken(header);
    if (token === undefined) return undefined;
    const settled = this.cache.settled(hashSecret(token), now);
    return settled && this.checked(settled, now);
  }

  /** A looked-up verdict as of `now`: an expired token is refused, a used one noted. */
  private checked(verdict: Verdict, now: number): Verdict {
    if ('refused' in verdict) return verdict;
    if (verdict.expiresAt !== null && verdict.expiresAt <= now) {
      return { refused: 'The bearer token has expired.' };
    }
    if (verdict.tokenId !== undefined) this.tokenUse.touch(verdict.tokenId, new Date(now));
    return verdict;
  }

  private note(request: FastifyRequest, verdict: Verdict): void {
    if ('principal' in verdict) request.principal = verdict.principal;
    else this.refusals.set(request, verdict.refused);
  }

  /** A token revoked here stops working here at once (elsewhere within the cache's time). */
  forgetToken(hash: string): void {
    this.cache.forget(hash);
  }

  /** A user deleted here: its credentials stop working here at once. */
  forgetUser(userId: string): void {
    this.cache.forgetUser(userId);
  }

  /** `ADMIN_TOKEN` stands for the administrator user (created if need be), looked up once. */
  private administrator(): Promise<Principal> {
    this.administratorId ??= this.repository.ensureAdministrator().catch((error: unknown) => {
      this.administratorId = undefined;
      throw error;
    });
    return this.administratorId.then((userId) => ({ userId, administrator: true }));
  }

  private lookUp(token: string, hash: string): Promise<Verdict> {
    if (token.startsWith(API_TOKEN_PREFIX)) return this.lookUpApiToken(hash);
    if (this.oidc && looksLikeJwt(token)) return this.lookUpJwt(this.oidc, token);
    return Promise.resolve({ refused: UNKNOWN });
  }

  private async lookUpApiToken(hash: string): Promise<Verdict> {
    const credential = await this.repository.findCredential(hash);
    if (!credential) return { refused: UNKNOWN };
    if (credential.revoked_at) return { refused: 'The bearer token was revoked.' };
    return {
      principal: { userId: credential.user_id, administrator: credential.administrator },
      tokenId: credential.token_id,
      expiresAt: credential.expires_at?.getTime() ?? null,
    };
  }

  /** A valid JWT finds its user by issuer and subject, or creates it at its first request. */
  private async lookUpJwt(oidc: OidcTokens, token: string): Promise<Verdict> {
    let identity;
    try {
      identity = await oidc.verify(token);
    } catch (error) {
      if (error instanceof OidcTokenRefused) return { refused: error.message };
      throw error;
    }
    const user = await this.repository.upsertOidcUser(
      identity.issuer,
      identity.subject,
      identity.name,
    );
    return {
      principal: { userId: user.id, administrator: user.administrator },
      expiresAt: identity.expiresAt,
    };
  }
}

/** 401 problem+json with the challenge RFC 6750 asks for. */
function refuse(reply: FastifyReply, detail: string): never {
  reply.header(
    'www-authenticate',
    detail === MISSING
      ? 'Bearer realm="Task API"'
      : 'Bearer realm="Task API", error="invalid_token"',
  );
  throw unauthorized(detail);
}
