import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { INSTANT_COLUMN } from '../../database/columns';

/**
 * The first answer to a `POST` sent with an `Idempotency-Key`, kept 24 hours per principal and
 * key so that a retry gets it again instead of doing the work twice. A row without a response
 * is a claim: its request is still running.
 */
@Entity({ name: 'idempotency_keys' })
@Index('idempotency_keys_expires_at_idx', ['expiresAt'])
export class IdempotencyRecord {
  /** `principalKey()` of the request: one caller's keys never meet another's. */
  @PrimaryColumn({ type: 'varchar', length: 200 })
  principal: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  key: string;

  /** SHA-256 (hex) of method, path and body: the same key with another request is refused. */
  @Column({ type: 'char', length: 64 })
  fingerprint: string;

  /** New at every claim, so a request that lost its claim cannot write over the next one's. */
  @Column({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @Column({ name: 'claimed_at', ...INSTANT_COLUMN })
  claimedAt: Date;

  @Column({ name: 'expires_at', ...INSTANT_COLUMN })
  expiresAt: Date;

  /** Null while the first request is in flight. */
  @Column({ name: 'response_status', type: 'smallint', nullable: true })
  responseStatus: number | null;

  /** The headers a replay must repeat: `Content-Type`, `Location`, `ETag`. */
  @Column({ name: 'response_headers', type: 'jsonb', nullable: true })
  responseHeaders: Record<string, string> | null;

  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody: string | null;
}
