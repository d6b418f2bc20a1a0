import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyRateLimitStore, RateLimitPluginOptions } from '@fastify/rate-limit';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Redis from 'ioredis';
import { once } from 'node:events';
import { EDGE_OPTIONS, EdgeOptions } from './edge-options';
import { isPublicPath, principalKey } from './principal';
import { ProblemException } from './problem';

type StoreConstructor<A extends unknown[]> = new (...args: A) => FastifyRateLimitStore;

// The plugin's own stores, which its entry point does not re-export: Redis (one Lua script per
// request: INCR and PEXPIRE in a single round trip) and in-process (an LRU map).
const RedisStore: StoreConstructor<
  [boolean, boolean, Redis, string]
> = require('@fastify/rate-limit/store/RedisStore');
const LocalStore: StoreConstructor<
  [boolean, boolean]
> = require('@fastify/rate-limit/store/LocalStore');

const WINDOW_MS = 60_000;

/** Counts in Redis while it answers, in this process while it does not (see `RateLimits`). */
class FailoverStore implements FastifyRateLimitStore {
  constructor(
    private readonly shared: FastifyRateLimitStore,
    private readonly local: FastifyRateLimitStore,
    private readonly onSharedError: (error: Error) => void,
  ) {}

  incr(
    key: string,
    callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
    timeWindow: number,
    max: number,
  ): void {
    this.shared.incr(
      key,
      (error, result) => {
        if (!error) return callback(null, result);
        this.onSharedError(error);
        this.local.incr(key, callback, timeWindow, max);
      },
      timeWindow,
      max,
    );
  }

  child(): FastifyRateLimitStore {
    throw new Error('Per-route rate limits are not used: one budget per principal');
  }
}

/**
 * `RATE_LIMIT_PER_MINUTE` requests per minute per principal (see principal.ts), counted in Redis
 * when `REDIS_URL` is set so that every process of a deployment shares one budget. Over it: 429
 * problem+json with `Retry-After`; every limited response carries the IETF draft `RateLimit-Limit`,
 * `RateLimit-Remaining` and `RateLimit-Reset` headers.
 *
 * A Redis outage must not take the API down, and answering 503 would do just that; counting
 * nowhere would lift every limit. So while Redis does not answer, the budget falls back to what it
 * is without `REDIS_URL`, per process, with a warning in the log, and is shared again as soon as
 * Redis is back.
 */
@Injectable()
export class RateLimits implements OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly redis?: Redis;
  private degraded = false;

  constructor(@Inject(EDGE_OPTIONS) private readonly options: EdgeOptions) {
    if (this.enabled && options.redisUrl) {
      this.redis = new Redis(options.redisUrl, {
        // While disconnected a command fails at once (the store then counts in process) instead
        // of waiting in a queue; a server that stops answering costs at most the command timeout.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        commandTimeout: 500,
        connectTimeout: 2_000,
      });
      this.redis.on('error', (error: Error) => this.markDown(error));
      this.redis.on('ready', () => this.markUp());
    }
  }

  private get enabled(): boolean {
    return (this.options.rateLimitPerMinute ?? 0) > 0;
  }

  /** Registers the limiter; routes registered afterwards are limited (so: before the app's init). */
  async register(fastify: FastifyInstance): Promise<void> {
    if (!this.enabled) return;
    const prefix = `${this.options.redisKeyPrefix ?? ''}rate-limit:`;
    const settings: RateLimitPluginOptions = {
      max: this.options.rateLimitPerMinute,
      timeWindow: WINDOW_MS,
      // A route's own onRequest hook runs after every shared one (CORS answers preflights,
      // authentication names the principal) and before the body is read, so an over-budget
      // upload is not parsed; and before authentication refuses a request (preParsing), so a
      // client trying tokens spends the budget of its address.
      hook: 'onRequest',
      keyGenerator: principalKey,
      // Probes and the documentation: a busy client must not make the API look dead.
      allowList: (request: FastifyRequest) => isPublicPath(request.url),
      enableDraftSpec: true,
      errorResponseBuilder: (_request, context) =>
        new ProblemException(
          429,
          `Too many requests: the limit is ${context.max} per minute. Retry in ${context.after}.`,
        ),
    };
    if (this.redis) {
      const redis: Redis = this.redis;
      const onSharedError = (error: Error) => this.markDown(error);
      // The plugin constructs its store itself, with no arguments of ours.
      settings.store = class SharedStore extends FailoverStore {
        constructor() {
          super(
            new RedisStore(false, false, redis, prefix),
            new LocalStore(false, false),
            onSharedError,
          );
        }
      };
      await this.untilReady(redis);
    }
    await fastify.register(fastifyRateLimit, settings);
  }

  /** At start, waits (a bounded time) for Redis, so that the budget is shared from the first request. */
  private async untilReady(redis: Redis): Promise<void> {
    if (redis.status === 'ready') return;
    await once(redis, 'ready', { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
  }

  private markDown(error: Error): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn(
      `Redis is unreachable (${error.message}): rate limits are counted per process until it is back`,
    );
  }

  private markUp(): void {
    if (!this.degraded) return;
    this.degraded = false;
    this.logger.log('Redis is reachable again: rate limits are shared across processes again');
  }

  onApplicationShutdown(): void {
    // After the HTTP server has closed: no request needs Redis any more.
    this.redis?.disconnect();
  }
}
