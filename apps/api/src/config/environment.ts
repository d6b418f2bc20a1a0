import { IntegerVariable, emptyAsUnset, loadEnvironment as load } from '@task-api/core';
import { DeliveryEnvironment } from '@task-api/reminders';
import { Transform } from 'class-transformer';
import { IsArray, IsOptional, IsString, Matches, ValidateBy } from 'class-validator';

export { EnvironmentError } from '@task-api/core';

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

/**
 * Every environment variable the API reads: the foundation's (database, logs, stop), the
 * reminders' delivery and its own HTTP server. The README's configuration table mirrors it.
 */
export class Environment extends DeliveryEnvironment {
  @IntegerVariable(0, 65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  HOST = '0.0.0.0';

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

  /**
   * After SIGTERM, how long the server keeps answering (not ready, `Connection: close`) while
   * clients leave their connections, before it closes the idle ones.
   */
  @IntegerVariable(0, 60_000)
  SHUTDOWN_DRAIN_MS = 1_000;
}

/** Reads and checks the environment at boot; a bad value stops the app naming the variable. */
export function loadEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  return load(Environment, env);
}
