import { JWTPayload, createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { ProblemException, problemType } from '../http/problem';
import { OidcOptions } from './identity-options';
import { USER_NAME_MAX_LENGTH } from './user.entity';

/** Signature algorithms of public keys: a JWKS never yields a shared secret, nor "none". */
const ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

/** The provider's keys are fetched within this long, or the request gets a 503. */
const JWKS_TIMEOUT_MS = 5_000;

/** Clocks of the API and the provider may differ this much around `exp` and `nbf`. */
const CLOCK_TOLERANCE_S = 5;

/** Who a valid JWT names. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  /** A name to show for a user created from it (its `name`, else `preferred_username`...). */
  name: string;
  /** Epoch milliseconds of its `exp`. */
  expiresAt: number;
}

/** A JWT that is not acceptable: the reason, for the 401's detail. */
export class OidcTokenRefused extends Error {}

/** Does this bearer credential look like a JWT (three base64url parts)? */
export const looksLikeJwt = (token: string): boolean => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);

/**
 * JWTs of one OpenID Connect provider, verified with `jose` against the keys it publishes
 * (fetched with a timeout, cached, fetched again for a key id not seen yet). Issuer, audience,
 * expiry and signature must all hold. The provider being unreachable is not the client's fault:
 * that is a 503, never read as a refusal.
 */
export class OidcTokens {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly options: OidcOptions) {
    this.keys = createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: JWKS_TIMEOUT_MS });
  }

  async verify(token: string): Promise<OidcIdentity> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: CLOCK_TOLERANCE_S,
      }));
    } catch (error) {
      throw refusalOf(error);
    }
    // OpenID Connect bounds `sub` to 255 ASCII characters; the users table keeps that many.
    if (String(payload.sub).length > 255) {
      throw new OidcTokenRefused('The token\'s "sub" claim is longer than 255 characters.');
    }
    return {
      issuer: this.options.issuer,
      subject: String(payload.sub),
      name: displayName(payload),
      expiresAt: Number(payload.exp) * 1000,
    };
  }
}

/** The client's token is wrong (a refusal: 401), or the provider could not be asked (503). */
function refusalOf(error: unknown): Error {
  const unreachable =
    !(error instanceof errors.JOSEError) ||
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid;
  if (unreachable) {
    return new ProblemException(
      503,
      'The signing keys of the identity provider could not be fetched. Retry shortly.',
      { type: problemType('identity-provider-unavailable') },
    );
  }
  if (error instanceof errors.JWTExpired) return new OidcTokenRefused('The token has expired.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new OidcTokenRefused(`The token's "${error.claim}" claim is not accepted.`);
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return new OidcTokenRefused('The token is signed with a key the provider does not publish.');
  }
  return new OidcTokenRefused('The token is not a valid JWT of the configured provider.');
}

/**
 * What to call a user the provider vouches for, from the usual claims: NFC, without control
 * characters (a NUL cannot be stored), at most the 200 code points of a user's name.
 */
function displayName(payload: JWTPayload): string {
  const candidates = [payload.name, payload.preferred_username, payload.email, payload.sub];
  const clean = (value: unknown) =>
    typeof value === 'string'
      ? value
          .normalize('NFC')
          .replace(/\p{Cc}/gu, '')
          .trim()
      : '';
  const name = candidates.map(clean).find((value) => value.length > 0);
  return [...(name ?? 'OpenID Connect user')].slice(0, USER_NAME_MAX_LENGTH).join('');
}
