import { applyDecorators } from '@nestjs/common';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  validateSync,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const emptyAsUnset = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
const booleanFlag = ({ value }: { value: unknown }) =>
  value === '' ? undefined : value === 'true' ? true : value === 'false' ? false : value;

/** `a,b` as a list; empty or blank entries dropped. */
const commaSeparated = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '')
    : value;

/** A browser origin exactly as a browser sends it: scheme, host, port if not the default. */
const isOrigin = (value: unknown): boolean => {
  if (value === '*') return true;
  try {
    return typeof value === 'string' && new URL(value).origin === value;
  } catch {
    return false;
  }
};

/** An optional whole-number variable within [min, max]; empty counts as unset. */
const IntegerVariable = (min: number, max: number): PropertyDecorator =>
  applyDecorators(
    IsOptional(),
    Transform(emptyAsUnset),
    Type(() => Number),
    IsInt(),
    Min(min),
    Max(max),
  );

/** Every environment variable the API reads; the README's configuration table mirrors it. */
export class Environment {
  @IntegerVariable(0, 65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  HOST = '0.0.0.0';

  @IsOptional()
  @Transform(emptyAsUnset)
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

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

  @IntegerVariable(1024, 100 * 1024 * 1024)
  BODY_LIMIT_BYTES: number = 100 * 1024;

  // The HTTP edge: rate limits, CORS.
  @IntegerVariable(0, 1_000_000)
  RATE_LIMIT_PER_MINUTE = 1_200;

  @IsOptional()
  @Transform(emptyAsUnset)
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string = undefined;

  @IsOptional()
  @Matches(/^[\w.:-]{0,100}$/, {
    message: 'must be at most 100 letters, digits, dots, colons, dashes or underscores',
  })
  REDIS_KEY_PREFIX = 'task-api:';

  @IsOptional()
  @Transform(commaSeparated)
  @IsArray()
  @ValidateBy({
    name: 'isOriginList',
    validator: {
      validate: (origins: unknown[]) => origins.every(isOrigin),
      defaultMessage: () =>
        'must be comma-separated origins such as https://app.example.com (scheme, host and port only), or *',
    },
  })
  CORS_ORIGINS: string[] = [];

  // Reminders delivery (libs/reminders).
  @IsOptional()
  @Transform(booleanFlag)
  @IsBoolean({ message: 'must be true or false' })
  REMINDERS_DISPATCHER_ENABLED = true;

  @IsOptional()
  @Transform(emptyAsUnset)
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'must be an http(s) URL' },
  )
  REMINDERS_WEBHOOK_URL?: string = undefined;

  @ValidateIf((env: Environment) => env.REMINDERS_WEBHOOK_URL !== undefined)
  @Transform(emptyAsUnset)
  @Matches(/^whsec_[A-Za-z0-9+/]{16,}={0,2}$/, {
    message:
      'must be a Standard Webhooks secret (whsec_ and base64), required with REMINDERS_WEBHOOK_URL',
  })
  REMINDERS_WEBHOOK_SECRET?: string = undefined;

  @IntegerVariable(10, 60_000)
  REMINDERS_POLL_INTERVAL_MS = 1_000;

  @IntegerVariable(1, 1_000)
  REMINDERS_BATCH_SIZE = 50;

  @IntegerVariable(100, 120_000)
  REMINDERS_TIMEOUT_MS = 10_000;

  @IsOptional()
  @Transform(emptyAsUnset)
  @Type(() => Number)
  @IsInt()
  @Max(24 * 60 * 60_000)
  @ValidateBy({
    name: 'leaseCoversTimeout',
    validator: {
      validate: (lease, args) =>
        Number(lease) >= 2 * (args?.object as Environment).REMINDERS_TIMEOUT_MS,
      defaultMessage: () => 'must be at least twice REMINDERS_TIMEOUT_MS',
    },
  })
  REMINDERS_LEASE_MS = 60_000;

  @IntegerVariable(1, 100)
  REMINDERS_MAX_ATTEMPTS = 8;

  @IntegerVariable(10, 60 * 60_000)
  REMINDERS_BACKOFF_BASE_MS = 2_000;
}

export class EnvironmentError extends Error {}

/** Reads and checks the environment at boot; a bad value stops the app naming the variable. */
export function loadEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const known = Object.keys(new Environment()).concat('DATABASE_URL');
  const relevant = Object.fromEntries(Object.entries(env).filter(([name]) => known.includes(name)));
  const config = plainToInstance(Environment, relevant);
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
