/** An OpenID Connect provider whose JWTs the API accepts as bearer tokens. */
export interface OidcOptions {
  /** Where the provider publishes its signing keys (its `jwks_uri`). */
  jwksUrl: string;
  /** The `iss` its tokens carry. */
  issuer: string;
  /** The `aud` a token must name: this API. */
  audience: string;
}

/** How a deployment authenticates (`CoreModule.forRoot({ identity })`). */
export interface IdentityOptions {
  /** A secret that acts as the administrator (`ADMIN_TOKEN`); only its hash is kept. */
  adminToken?: string;
  oidc?: OidcOptions;
  /**
   * At start, give the administrator its first API token and print it in the log, if it never
   * had one and no `ADMIN_TOKEN` is set: the API does, so that a fresh install can be used.
   */
  announceFirstToken?: boolean;
  /** How long a looked-up credential is trusted (default 10 s). */
  credentialTtlMs?: number;
}

export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');
