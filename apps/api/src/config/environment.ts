import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const emptyAsUnset = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** Every environment variable the API reads; the README's configuration table mirrors it. */
export class Environment {
  @IsOptional()
  @Transform(emptyAsUnset)
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
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

  @IsOptional()
  @Transform(emptyAsUnset)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  DB_POOL_SIZE = 10;

  @IsOptional()
  @Transform(emptyAsUnset)
  @IsIn(LOG_LEVELS)
  LOG_LEVEL = 'info';

  @IsOptional()
  @Transform(emptyAsUnset)
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  BODY_LIMIT_BYTES: number = 100 * 1024;
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
