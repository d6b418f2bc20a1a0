import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** How long a first response is replayed (the IETF draft suggests at least 24 hours). */
export const IDEMPOTENCY_TTL = '24 hours';

/**
 * A claim older than this with no response belongs to a request that will never finish (its
 * process died): a retry may take it over. Far above any request's run time, whose statements,
 * pool waits and locks are all bounded.
 */
export const ABANDONED_CLAIM_AFTER = '30 seconds';

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

/** What a claim found when the key was taken: the first request's fingerprint and answer, if any. */
export interface ExistingRecord {
  fingerprint: string;
  response: StoredResponse | null;
}

export type ClaimOutcome = { claimed: true } | { claimed: false; existing: ExistingRecord };

interface ClaimRow {
  claimed: boolean;
  fingerprint: string | null;
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
}

export interface ClaimKey {
  principal: string;
  key: string;
  claimId: string;
}

@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims a key in one statement, the database settling the race between simultaneous retries:
   * the insert wins, or takes over a record that has expired or was abandoned; otherwise the
   * statement returns the record that holds the key. When that record was committed by a
   * concurrent request after this statement's snapshot, neither part returns a row, and a second
   * read finds it.
   */
  async claim(claim: ClaimKey, fingerprint: string, attempt = 1): Promise<ClaimOutcome> {
    const rows: ClaimRow[] = await this.dataSource.query(
      `WITH claim AS (
         INSERT INTO idempotency_keys AS held
           (principal, key, fingerprint, claim_id, claimed_at, expires_at)
         VALUES ($1, $2, $3, $4, now(), now() + interval '${IDEMPOTENCY_TTL}')
         ON CONFLICT (principal, key) DO UPDATE
           SET fingerprint = EXCLUDED.fingerprint, claim_id = EXCLUDED.claim_id,
               claimed_at = EXCLUDED.claimed_at, expires_at = EXCLUDED.expires_at,
               response_status = NULL, response_headers = NULL, response_body = NULL
           WHERE held.expires_at <= now()
              OR (held.response_status IS NULL
                  AND held.claimed_at <= now() - interval '${ABANDONED_CLAIM_AFTER}')
         RETURNING 1
       )
       SELECT true AS claimed, NULL AS fingerprint, NULL::smallint AS response_status,
              NULL::jsonb AS response_headers, NULL AS response_body
         FROM claim
       UNION ALL
       SELECT false, fingerprint, response_status, response_headers, response_body
         FROM idempotency_keys
        WHERE principal = $1 AND key = $2 AND NOT EXISTS (SELECT 1 FROM claim)`,
      [claim.principal, claim.key, fingerprint, claim.claimId],
    );
    const row = rows[0] ?? (await this.find(claim));
    // Held a moment ago and released since (its request failed): claim again.
    if (!row && attempt < 3) return this.claim(claim, fingerprint, attempt + 1);
    if (!row) throw new Error(`Idempotency key ${claim.key} changed hands during three claims`);
    if (row.claimed) return { claimed: true };
    return {
      claimed: false,
      existing: {
        fingerprint: (row.fingerprint ?? '').trim(),
        response:
          row.response_status === null
            ? null
            : {
                status: row.response_status,
                headers: row.response_headers ?? {},
                body: row.response_body,
              },
      },
    };
  }

  /** Keeps the first response for replays; only the request holding the claim may. */
  async complete(claim: ClaimKey, response: StoredResponse): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys
          SET response_status = $4, response_headers = $5, response_body = $6
        WHERE principal = $1 AND key = $2 AND claim_id = $3`,
      [
        claim.principal,
        claim.key,
        claim.claimId,
        response.status,
        JSON.stringify(response.headers),
        response.body,
      ],
    );
  }

  /** Gives a key back, so that a retry runs the request again. */
  async release(claim: ClaimKey): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND claim_id = $3`,
      [claim.principal, claim.key, claim.claimId],
    );
  }

  /** Deletes up to `limit` expired records, oldest first; returns how many. */
  async purgeExpired(limit = 10_000): Promise<number> {
    // A DELETE comes back from TypeORM as [rows, row count].
    const [, count]: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM idempotency_keys
        WHERE (principal, key) IN (
          SELECT principal, key FROM idempotency_keys
           WHERE expires_at <= now() ORDER BY expires_at LIMIT $1)`,
      [limit],
    );
    return count;
  }

  private async find(claim: ClaimKey): Promise<ClaimRow | undefined> {
    const rows: ClaimRow[] = await this.dataSource.query(
      `SELECT false AS claimed, fingerprint, response_status, response_headers, response_body
         FROM idempotency_keys WHERE principal = $1 AND key = $2`,
      [claim.principal, claim.key],
    );
    return rows[0];
  }
}
