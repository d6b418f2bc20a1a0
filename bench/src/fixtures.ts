import { TASK_ORDERS } from '@task-api/core';
import { Client } from 'pg';
import { tagName, taskId } from './ids';

/** What the requests of one database size point at, found before any timing. */
export interface Fixtures {
  size: number;
  /** Seeded tasks spread over the whole table, for `GET /tasks/:id` and the writes. */
  taskIds: string[];
  /** The same, less the done ones: a reminder on a done task is refused (422) by design. */
  openTaskIds: string[];
  popularTag: string;
  rareTag: string;
  /** The cursor that `GET /tasks?limit=50` pages return before page `deepPage`. */
  deepCursor: string;
  deepPage: number;
}

const PAGE = 50;
const TARGET_PAGE = 1_000;
const SAMPLE = 1_000;

/**
 * tag-0000 is the most used tag by construction (~27 % of tasks); tag-0900 is on ~0.1 %.
 * The deep page is page 1,000 of a walk with limit=50, or the last full page of a smaller
 * table; its position is read with SQL in the API's own order and made into a cursor by the
 * API's own keyset, and the response comparison then checks that both servers agree on it.
 */
export async function loadFixtures(client: Client, size: number): Promise<Fixtures> {
  const deepPage = Math.min(TARGET_PAGE, Math.floor(size / PAGE) - 1);
  const { rows } = await client.query(
    `SELECT created_at, id FROM tasks ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT 1`,
    [(deepPage - 1) * PAGE - 1],
  );
  const last = rows[0] as { created_at: Date; id: string };
  const numbers = spread(size, SAMPLE);
  return {
    size,
    taskIds: numbers.map(taskId),
    // Seeded task n is done when n % 4 = 3 (see seed.ts).
    openTaskIds: numbers.filter((n) => n % 4 !== 3).map(taskId),
    popularTag: tagName(0),
    rareTag: tagName(900),
    deepCursor: TASK_ORDERS['-createdAt'].encode(last.created_at, last.id),
    deepPage,
  };
}

/** `count` task numbers evenly spread over 1..size (deterministic, no random ids). */
function spread(size: number, count: number): number[] {
  const step = Math.max(1, Math.floor(size / count));
  return Array.from({ length: Math.min(count, size) }, (_, i) => 1 + i * step);
}
