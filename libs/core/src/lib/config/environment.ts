import { applyDecorators } from '@nestjs/common';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { validateSync } from 'class-validator';
import type { DatabaseOptions, MigrationClass } from '../database/database.module';
import { IN_MEMORY } from '../database/embedded-postgres';
import type { IdentityOptions } from '../identity/identity-options';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const emptyAsUnset = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
const booleanFlag = ({ value }: { value: unknown }) =>
  value === '' ? undefined : value === 'true' ? true : value === 'false' ? false : value;

/** An optional whole-number variable within [min, max]; empty counts as unset. */
export const IntegerVariable = (min: number, max: number): PropertyDecorator =>
  applyDecorators(
    IsOptional(),
    Transform(emptyAsUnset),
    Type(() => Number),
    IsInt(),
    Min(min),
    Max(max),
  );

/** An optional `true` / `false` variable; empty counts as unset. */
export const BooleanVariable = (): PropertyDecorator =>
  applyDecorators(
    IsOptional(),
    Transform(booleanFlag),
    IsBoolean({ message: 'must be true or false' }),
  );

/**
 * The variables of the foundation, read by every app (the API, the worker): the database, the
 * logs and the stop. Each app's environment class extends it with its own.
 */
export class CoreEnvironment {
  @IsOptional()
  @Transform(emptyAsUnset)
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string = undefined;

  @IsOptional()
  @Transform(emptyAsUnset)
  @IsString()
  PGLITE_DATA_DIR = './.data';

  @IntegerVariable(1, 100)
  DB_POOL_SIZE = 10;

  // Bounds on every wait for the database (SPEC §6): a request gets a 503, never a hang.
  @IntegerVariable(100, 600_000)
  DB_STATEMENT_TIMEOUT_MS = 5_000;

  @IntegerVariable(100, 600_000)
  DB_LOCK_TIMEOUT_MS = 2_000;

  @IntegerVariable(100, 600_000)
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = 10_000;

  @IntegerVariable(100, 600_000)
  DB_POOL_TIMEOUT_MS = 5_000;

  @IntegerVariable(1_000, 3_600_000)
  DB_MIGRATION_LOCK_TIMEOUT_MS = 60_000;

  @IsOptional()
  @Transform(emptyAsUnset)
  @IsIn(LOG_LEVELS)
  LOG_LEVEL = 'info';

  /** The longest a stop may take (SIGTERM to exit); then the process exits with 1. */
  @IntegerVariable(1_000, 10 * 60_000)
  SHUTDOWN_TIMEOUT_MS = 25_000;

  /** A secret that acts as the administrator; long enough that it cannot be guessed. */
  @IsOptional()
  @Transform(emptyAsUnset)
  @Matches(/^[\x21-\x7e]{32,512}$/, {
    message:
      'must be 32 to 512 printable ASCII characters without spaces (e.g. openssl rand -hex 32)',
  })
  ADMIN_TOKEN?: string = undefined;

  // OpenID Connect: the three together, or none.
  @Transform(emptyAsUnset)
  @ValidateIf(isOidcConfigured)
  @IsDefined({ message: 'is required with AUTH_ISSUER and AUTH_AUDIENCE' })
  @IsUrl(
    { protocols: ['http', 'https'], require_tld: false, require_protocol: true },
    { message: "must be the http(s) URL of the provider's JSON Web Key Set" },
  )
  AUTH_JWKS_URL?: string = undefined;

  @Transform(emptyAsUnset)
  @ValidateIf(isOidcConfigured)
  @IsDefined({ message: 'is required with AUTH_JWKS_URL and AUTH_AUDIENCE' })
  @IsString()
  @MaxLength(500)
  AUTH_ISSUER?: string = undefined;

  @Transform(emptyAsUnset)
  @ValidateIf(isOidcConfigured)
  @IsDefined({ message: 'is required with AUTH_JWKS_URL and AUTH_ISSUER' })
  @IsString()
  @MaxLength(500)
  AUTH_AUDIENCE?: string = undefined;
}

function isOidcConfigured(env: CoreEnvironment): boolean {
  return [env.AUTH_JWKS_URL, env.AUTH_ISSUER, env.AUTH_AUDIENCE].some(
    (value) => value !== undefined && value !== '',
  );
}

/** How the app authenticates, from the foundation's variables. */
export function identityOptionsFrom(env: CoreEnvironment): IdentityOptions {
  const { AUTH_JWKS_URL: jwksUrl, AUTH_ISSUER: issuer, AUTH_AUDIENCE: audience } = env;
  return {
    adminToken: env.ADMIN_TOKEN,
    oidc: jwksUrl && issuer && audience ? { jwksUrl, issuer, audience } : undefined,
  };
}

/** The database options of every app (the API, the worker), from the foundation's variables. */
export function databaseOptionsFrom(
  env: CoreEnvironment,
  migrations: MigrationClass[],
): DatabaseOptions {
  return {
    url: env.DATABASE_URL,
    embeddedDataDir: env.PGLITE_DATA_DIR === IN_MEMORY ? IN_MEMORY : env.PGLITE_DATA_DIR,
    migrations,
    poolSize: env.DB_POOL_SIZE,
    timeouts: {
      statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
      lockTimeoutMs: env.DB_LOCK_TIMEOUT_MS,
      idleInTransactionTimeoutMs: env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      poolTimeoutMs: env.DB_POOL_TIMEOUT_MS,
    },
    migrationLockTimeoutMs: env.DB_MIGRATION_LOCK_TIMEOUT_MS,
  };
}

export class EnvironmentError extends Error {}

/** Reads and checks the environment at boot; a bad value stops the app naming the variable. */
export function loadEnvironment<T extends object>(
  type: new () => T,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const known = Object.keys(new type());
  const relevant = Object.fromEntries(Object.entries(env).filter(([name]) => known.includes(name)));
  const config = plainToInstance(type, relevant);
  const errors = validateSync(config, { whitelist: true });
  if (errors.length > 0) {
    const lines = errors.map(
      (error) =>
        `  ${error.property}=${JSON.stringify(env[error.property])}: ${Object.values(error.constraints ?? {}).join('; ')}`,
    );
    throw new EnvironmentError(`Invalid environment:\n${lines.join('\n')}`);
  }
  return config;
}
