import { createHash } from 'node:crypto';

/**
 * Seeded rows get ids derived from their number (a version-4-shaped UUID from an MD5), so the
 * seed can link task n to its tags in one set-based statement without reading ids back, and
 * the bench can name any seeded task without asking the database.
 */
export const TAG_COUNT = 1_000;

export function seededUuidSql(prefix: string, numberSql: string): string {
  return `overlay(overlay(md5('${prefix}' || ${numberSql}) placing '4' from 13) placing '8' from 17)::uuid`;
}

export function seededUuid(prefix: string, n: number): string {
  const hex = createHash('md5').update(`${prefix}${n}`).digest('hex');
  const shaped = `${hex.slice(0, 12)}4${hex.slice(13, 16)}8${hex.slice(17)}`;
  const parts = [shaped.slice(0, 8), shaped.slice(8, 12), shaped.slice(12, 16)];
  return [...parts, shaped.slice(16, 20), shaped.slice(20)].join('-');
}

export const taskId = (n: number): string => seededUuid('task-', n);

/** The user who owns every seeded task and tag: the one the bench's requests come from. */
export const BENCH_USER_ID = seededUuid('user-', 1);

/**
 * Its API token, fixed so that a database seeded once (`--reuse`) keeps working; the seed stores
 * only its SHA-256, as the API does. A bench database holds nothing worth protecting.
 */
export const BENCH_TOKEN = 'tapi_bench-token-of-the-seeded-user-0000000000000';

/** The header every request of the bench carries, to the API and the baseline alike. */
export const AUTHORIZATION = { authorization: `Bearer ${BENCH_TOKEN}` };

export const benchTokenHash = (): string => createHash('sha256').update(BENCH_TOKEN).digest('hex');

/** Tag k (0 = the most used) is named `tag-0000`..`tag-0999`. */
export const tagName = (k: number): string => `tag-${String(k).padStart(4, '0')}`;
