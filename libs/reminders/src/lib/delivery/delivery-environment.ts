import { CoreEnvironment, IntegerVariable, BooleanVariable, emptyAsUnset } from '@task-api/core';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsUrl, Matches, Max, ValidateBy, ValidateIf } from 'class-validator';
import type { RemindersModuleOptions } from '../reminders.module';

/**
 * The `REMINDERS_*` variables, on top of the foundation's: read by the API (whose dispatcher
 * may be off) and by the worker. The README's configuration table mirrors them.
 */
export class DeliveryEnvironment extends CoreEnvironment {
  @BooleanVariable()
  REMINDERS_DISPATCHER_ENABLED = true;

  @IsOptional()
  @Transform(emptyAsUnset)
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'must be an http(s) URL' },
  )
  REMINDERS_WEBHOOK_URL?: string = undefined;

  @ValidateIf((env: DeliveryEnvironment) => env.REMINDERS_WEBHOOK_URL !== undefined)
  @Transform(emptyAsUnset)
  @Matches(/^whsec_[A-Za-z0-9+/]{16,}={0,2}$/, {
    message:
      'must be a Standard Webhooks secret (whsec_ and base64), required with REMINDERS_WEBHOOK_URL',
  })
  REMINDERS_WEBHOOK_SECRET?: string = undefined;

  @IntegerVariable(10, 60_000)
  REMINDERS_POLL_INTERVAL_MS = 1_000;

  @IntegerVariable(1, 1_000)
  REMINDERS_BATCH_SIZE = 100;

  @IntegerVariable(1, 1_000)
  REMINDERS_CONCURRENCY = 200;

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
        Number(lease) >= 2 * (args?.object as DeliveryEnvironment).REMINDERS_TIMEOUT_MS,
      defaultMessage: () => 'must be at least twice REMINDERS_TIMEOUT_MS',
    },
  })
  REMINDERS_LEASE_MS = 60_000;

  @IntegerVariable(1, 100)
  REMINDERS_MAX_ATTEMPTS = 8;

  @IntegerVariable(10, 60 * 60_000)
  REMINDERS_BACKOFF_BASE_MS = 2_000;
}

/** The reminders module's options from the environment. */
export function remindersOptionsFrom(env: DeliveryEnvironment): RemindersModuleOptions {
  return {
    webhook: env.REMINDERS_WEBHOOK_URL
      ? { url: env.REMINDERS_WEBHOOK_URL, secret: env.REMINDERS_WEBHOOK_SECRET ?? '' }
      : undefined,
    dispatcher: {
      enabled: env.REMINDERS_DISPATCHER_ENABLED,
      pollIntervalMs: env.REMINDERS_POLL_INTERVAL_MS,
      batchSize: env.REMINDERS_BATCH_SIZE,
      concurrency: env.REMINDERS_CONCURRENCY,
      leaseMs: env.REMINDERS_LEASE_MS,
      maxAttempts: env.REMINDERS_MAX_ATTEMPTS,
      timeoutMs: env.REMINDERS_TIMEOUT_MS,
      backoffBaseMs: env.REMINDERS_BACKOFF_BASE_MS,
    },
  };
}
