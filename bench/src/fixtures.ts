import { AUTHORIZATION, tagName, taskId } from './ids';

/** What the requests of one database size point at, found before any timing. */
export interface Fixtures {
  size: number;
  /** Seeded tasks spread over the whole table, for `GET /tasks/:id` and the writes. */
  taskIds: string[];
  /** The same, less the done ones: a reminder on a done task is refused (422) by design. */
  openTaskIds: string[];
  popularTag: string;
  rareTag: string;
  /** Page `deepPage` of `GET /tasks?limit=50` starts after this many tasks. */
  deepOffset: number;
  deepPage: number;
}

const PAGE = 50;
const TARGET_PAGE = 1_000;
const SAMPLE = 1_000;

/**
 * tag-0000 is the most used tag by construction (~27 % of tasks); tag-0900 is on ~0.1 %.
 * The deep page is page 1,000 of a walk with limit=50, or the last full page of a smaller
 * table; each server reaches it through its own cursors (`deepCursor`).
 */
export function loadFixtures(size: number): Fixtures {
  const deepPage = Math.min(TARGET_PAGE, Math.floor(size / PAGE) - 1);
  const numbers = spread(size, SAMPLE);
  return {
    size,
    taskIds: numbers.map(taskId),
    // Seeded task n is done when n % 4 = 3 (see seed.ts).
    openTaskIds: numbers.filter((n) => n % 4 !== 3).map(taskId),
    popularTag: tagName(0),
    rareTag: tagName(900),
    deepOffset: (deepPage - 1) * PAGE,
    deepPage,
  };
}

const WALK_LIMIT = 200;

/**
 * The `cursor` a server hands out after the first `offset` tasks of `GET /tasks`, found by
 * walking its pages (200 at a time, the last one shorter): a cursor is the server's own opaque
 * text, which the bench must not forge.
 */
export async function deepCursor(serverUrl: string, offset: number): Promise<string> {
  let cursor: string | null = null;
  for (let walked = 0; walked < offset;) {
    const limit = Math.min(WALK_LIMIT, offset - walked);
    const query = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await fetch(`${serverUrl}/tasks?${query}`, { headers: AUTHORIZATION });
    if (!response.ok) throw new Error(`GET /tasks?${query}: ${response.status}`);
    const page = (await response.json()) as { items: unknown[]; nextCursor: string | null };
    cursor = page.nextCursor;
    walked += page.items.length;
    if (!cursor) throw new Error(`GET /tasks ended after ${walked} tasks, before ${offset}`);
  }
  if (!cursor) throw new Error('the deep page needs an offset of at least one task');
  return cursor;
}

/** `count` task numbers evenly spread over 1..size (deterministic, no random ids). */
function spread(size: number, count: number): number[] {
  const step = Math.max(1, Math.floor(size / count));
  return Array.from({ length: Math.min(count, size) }, (_, i) => 1 + i * step);
}
