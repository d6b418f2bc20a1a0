import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { IdentityRepository } from './identity.repository';

/** How often the last uses of tokens are written: `GET /tokens` may lag this much. */
export const TOKEN_USE_FLUSH_MS = 5_000;

/**
 * `last_used_at` of API tokens without a write per request: uses are noted in memory and
 * written every few seconds in one statement for every token used meanwhile, and once more
 * when the HTTP server has closed (`Authenticator` calls `flush` then; the pool is still open).
 */
@Injectable()
export class TokenUse implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TokenUse');
  private pending = new Map<string, Date>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly repository: IdentityRepository) {}

  touch(tokenId: string, at = new Date()): void {
    this.pending.set(tokenId, at);
  }

  /** Writes what was noted since the last flush; kept for the next one if the write fails. */
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const uses = this.pending;
    this.pending = new Map();
    try {
      await this.repository.recordUses(uses);
    } catch (error) {
      for (const [id, at] of uses) if (!this.pending.has(id)) this.pending.set(id, at);
      this.logger.warn({ err: error }, 'Recording the last use of API tokens failed; retried');
    }
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flush(), TOKEN_USE_FLUSH_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
