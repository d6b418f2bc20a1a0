import { Fixtures } from './fixtures';
import type { Target } from './servers';

/** One kind of request, as autocannon sends it: the same on the API and on the baseline. */
export interface Scenario {
  name: string;
  kind: 'read' | 'write';
  method: 'GET' | 'POST';
  /**
   * Called per request, so reads spread over many rows and writes do not contend on one; the
   * target, for the cursor each server handed out itself.
   */
  path: (target: Target) => string;
  body?: (target: Target) => string;
  /** In the scale curve: the list and filter requests whose latency should stay flat. */
  scale: boolean;
}

const FAR_FUTURE = '2030-01-01T09:00:00Z';

/** Round-robin over the fixture's task ids, one turn per target: both see the same sequence. */
function rotating(ids: readonly string[]): (target: Target) => string {
  const next: Record<Target, number> = { api: 0, baseline: 0 };
  return (target) => ids[next[target]++ % ids.length];
}

/** `deepCursors`: each server's own cursor to the deep page (see `deepCursor`). */
export function scenarios(fixtures: Fixtures, deepCursors: Record<Target, string>): Scenario[] {
  const nextId = rotating(fixtures.taskIds);
  const nextOpenId = rotating(fixtures.openTaskIds);
  const tags = `${fixtures.popularTag},${fixtures.rareTag}`;
  return [
    {
      name: 'GET /tasks/:id',
      kind: 'read',
      method: 'GET',
      path: (target) => `/tasks/${nextId(target)}`,
      scale: true,
    },
    {
      name: 'GET /tasks?limit=50',
      kind: 'read',
      method: 'GET',
      path: () => '/tasks?limit=50',
      scale: true,
    },
    {
      name: 'GET /tasks?tags=popular,rare&tagMatch=all',
      kind: 'read',
      method: 'GET',
      path: () => `/tasks?tags=${tags}&tagMatch=all&limit=50`,
      scale: true,
    },
    {
      // One name at every size (the page is 1,000, or the last full one of a smaller table), so
      // the scale curve joins them.
      name: 'GET /tasks?cursor=<deep page>',
      kind: 'read',
      method: 'GET',
      path: (target) => `/tasks?limit=50&cursor=${encodeURIComponent(deepCursors[target])}`,
      scale: true,
    },
    {
      name: 'POST /tasks',
      kind: 'write',
      method: 'POST',
      path: () => '/tasks',
      body: () => JSON.stringify({ title: 'Bench task', priority: 'high', dueAt: FAR_FUTURE }),
      scale: false,
    },
    {
      name: 'POST /tasks/:id/tags (by name)',
      kind: 'write',
      method: 'POST',
      path: (target) => `/tasks/${nextOpenId(target)}/tags`,
      // An existing mid-popularity tag: the get-or-create finds it, the link is new or kept.
      body: () => JSON.stringify({ name: 'tag-0500' }),
      scale: false,
    },
    {
      name: 'POST /reminders',
      kind: 'write',
      method: 'POST',
      path: () => '/reminders',
      body: (target) =>
        JSON.stringify({ taskId: nextOpenId(target), remindAt: FAR_FUTURE, note: 'bench' }),
      scale: false,
    },
  ];
}

/** A stable short key for file names and JSON. */
export const scenarioKey = (name: string): string =>
  name
    .toLowerCase()
    .replace('<deep page>', 'deep')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
