import { identityOptionsFrom } from '@task-api/core';
import { loadEnvironment } from './environment';

describe(loadEnvironment.name, () => {
  it('applies the documented defaults', () => {
    expect(loadEnvironment({})).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      DATABASE_URL: undefined,
      PGLITE_DATA_DIR: './.data',
      DB_POOL_SIZE: 10,
      LOG_LEVEL: 'info',
      BODY_LIMIT_BYTES: 102400,
      DB_STATEMENT_TIMEOUT_MS: 5000,
      DB_LOCK_TIMEOUT_MS: 2000,
      DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: 10000,
      DB_POOL_TIMEOUT_MS: 5000,
      DB_MIGRATION_LOCK_TIMEOUT_MS: 60000,
      RATE_LIMIT_PER_MINUTE: 1200,
      REDIS_URL: undefined,
      REDIS_KEY_PREFIX: 'task-api:',
      CORS_ORIGINS: [],
      ADMIN_TOKEN: undefined,
      AUTH_JWKS_URL: undefined,
    });
  });

  it('reads identity: ADMIN_TOKEN, and OpenID Connect from its three variables together', () => {
    const oidc = {
      AUTH_JWKS_URL: 'https://id.example.com/.well-known/jwks.json',
      AUTH_ISSUER: 'https://id.example.com/',
      AUTH_AUDIENCE: 'task-api',
    };
    const adminToken = 'a'.repeat(32);
    expect(identityOptionsFrom(loadEnvironment({ ADMIN_TOKEN: adminToken, ...oidc }))).toEqual({
      adminToken,
      oidc: { jwksUrl: oidc.AUTH_JWKS_URL, issuer: oidc.AUTH_ISSUER, audience: oidc.AUTH_AUDIENCE },
    });
    expect(identityOptionsFrom(loadEnvironment({ ADMIN_TOKEN: '', AUTH_ISSUER: '' }))).toEqual({
      adminToken: undefined,
      oidc: undefined,
    });
  });

  it.each([
    ['AUTH_ISSUER', { AUTH_JWKS_URL: 'https://id.example.com/jwks' }],
    ['AUTH_JWKS_URL', { AUTH_ISSUER: 'https://id.example.com/', AUTH_AUDIENCE: 'api' }],
    ['AUTH_AUDIENCE', { AUTH_JWKS_URL: 'https://id.example.com/jwks', AUTH_ISSUER: 'x' }],
  ])('refuses OpenID Connect without %s, naming it', (missing, env) => {
    expect(() => loadEnvironment(env)).toThrow(
      new RegExp(`\\n  ${missing}=undefined: is required`),
    );
  });

  it('reads the HTTP edge: rate limit, Redis, CORS origins as a list', () => {
    expect(
      loadEnvironment({
        RATE_LIMIT_PER_MINUTE: '0',
        REDIS_URL: 'redis://cache:6379/1',
        REDIS_KEY_PREFIX: 'tasks-prod:',
        CORS_ORIGINS: 'https://app.example.com, http://localhost:5173,',
      }),
    ).toMatchObject({
      RATE_LIMIT_PER_MINUTE: 0,
      REDIS_URL: 'redis://cache:6379/1',
      REDIS_KEY_PREFIX: 'tasks-prod:',
      CORS_ORIGINS: ['https://app.example.com', 'http://localhost:5173'],
    });
    expect(loadEnvironment({ CORS_ORIGINS: '*' }).CORS_ORIGINS).toEqual(['*']);
  });

  it('converts and keeps valid values', () => {
    const env = loadEnvironment({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@db:5432/tasks',
      LOG_LEVEL: 'warn',
    });
    expect(env).toMatchObject({
      PORT: 8080,
      DATABASE_URL: 'postgres://u@db:5432/tasks',
      LOG_LEVEL: 'warn',
    });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['DB_POOL_SIZE', '0'],
    ['LOG_LEVEL', 'loud'],
    ['BODY_LIMIT_BYTES', '12kb'],
    ['DB_STATEMENT_TIMEOUT_MS', '0'],
    ['DB_LOCK_TIMEOUT_MS', '2s'],
    ['DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', '-1'],
    ['DB_POOL_TIMEOUT_MS', '99'],
    ['DB_MIGRATION_LOCK_TIMEOUT_MS', '1e9'],
    ['RATE_LIMIT_PER_MINUTE', '-1'],
    ['RATE_LIMIT_PER_MINUTE', 'unlimited'],
    ['REDIS_URL', 'localhost:6379'],
    ['REDIS_KEY_PREFIX', 'two words'],
    ['CORS_ORIGINS', 'https://app.example.com/path'],
    ['CORS_ORIGINS', 'app.example.com'],
    ['CORS_ORIGINS', 'https://app.example.com,https://APP.example.com'],
    ['ADMIN_TOKEN', 'short'],
    ['ADMIN_TOKEN', `${'a'.repeat(31)} b`],
    ['AUTH_JWKS_URL', 'not a url'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadEnvironment({ [name]: value })).toThrow(
      new RegExp(`^Invalid environment:\\n  ${name}=`),
    );
  });
});
