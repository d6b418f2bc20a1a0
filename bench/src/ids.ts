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

/** Tag k (0 = the most used) is named `tag-0000`..`tag-0999`. */
export const tagName = (k: number): string => `tag-${String(k).padStart(4, '0')}`;
