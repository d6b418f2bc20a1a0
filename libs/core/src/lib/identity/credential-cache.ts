import { Principal } from '../http/principal';

/** What a presented credential stands for, as a lookup found it. */
export type Verdict =
  | {
      principal: Principal;
      /** The API token's id, whose last use is recorded; none for a JWT or `ADMIN_TOKEN`. */
      tokenId?: string;
      /** Epoch milliseconds after which it no longer authenticates; null: never expires. */
      expiresAt: number | null;
    }
  | { refused: string };

/** How long a lookup is trusted: another process's revocation takes effect within it. */
export const DEFAULT_CREDENTIAL_TTL_MS = 10_000;

/** Enough for every active client of a process; beyond it the oldest entry makes room. */
const MAX_ENTRIES = 10_000;

interface Entry {
  until: number;
  verdict: Promise<Verdict>;
  /** The verdict once it is in, for a caller that would rather not wait on a promise. */
  settled?: Verdict;
  /** Once the verdict is in: whose it is, so that deleting a user forgets its credentials. */
  userId?: string;
}

/**
 * The credentials this process has looked up, by the SHA-256 of the secret, for a short time:
 * authenticating a known client costs no statement. Concurrent first requests with one credential
 * share one lookup. A lookup that failed (the database is down) is not kept.
 */
export class CredentialCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ttlMs = DEFAULT_CREDENTIAL_TTL_MS) {}

  verdict(hash: string, lookup: () => Promise<Verdict>, now = Date.now()): Promise<Verdict> {
    const cached = this.entries.get(hash);
    if (cached && cached.until > now) return cached.verdict;
    this.entries.delete(hash);
    if (this.entries.size >= MAX_ENTRIES) this.evictOldest();
    const entry: Entry = { until: now + this.ttlMs, verdict: lookup() };
    this.entries.set(hash, entry);
    entry.verdict.then(
      (verdict) => {
        entry.settled = verdict;
        if ('principal' in verdict) entry.userId = verdict.principal.userId;
      },
      () => {
        if (this.entries.get(hash) === entry) this.entries.delete(hash);
      },
    );
    return entry.verdict;
  }

  /** The verdict of a lookup that has finished and is still trusted; else `undefined`. */
  settled(hash: string, now = Date.now()): Verdict | undefined {
    const cached = this.entries.get(hash);
    return cached && cached.until > now ? cached.settled : undefined;
  }

  /** A token revoked by this process stops working here at once. */
  forget(hash: string): void {
    this.entries.delete(hash);
  }

  /** A user deleted by this process: every credential of it stops working here at once. */
  forgetUser(userId: string): void {
    for (const [hash, entry] of this.entries) {
      if (entry.userId === userId) this.entries.delete(hash);
    }
  }

  private evictOldest(): void {
    const oldest = this.entries.keys().next();
    if (!oldest.done) this.entries.delete(oldest.value);
  }
}
