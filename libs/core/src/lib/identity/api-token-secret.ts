import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** What every API token starts with, so that a leaked one is recognisable (secret scanners). */
export const API_TOKEN_PREFIX = 'tapi_';

/** 256 random bits, base64url: far beyond guessing, and safe in a header or a shell. */
const SECRET_BYTES = 32;

/** How much of a secret a token list shows: the prefix and 7 characters of the random part. */
const SHOWN_LENGTH = API_TOKEN_PREFIX.length + 7;

/** A token as it is made: the secret (shown once, never stored), its hash and its prefix. */
export interface NewSecret {
  secret: string;
  hash: string;
  prefix: string;
}

/** SHA-256 of a presented credential, hex: what is stored and what the cache is keyed by. */
export function hashSecret(secret: string): string {
  return hash('sha256', secret, 'hex');
}

export function newSecret(): NewSecret {
  const secret = `${API_TOKEN_PREFIX}${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { secret, hash: hashSecret(secret), prefix: secret.slice(0, SHOWN_LENGTH) };
}

/** Two hashes compared in constant time (the administrator's token against the one presented). */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
