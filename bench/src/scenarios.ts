import { Fixtures } from './fixtures';

/** One kind of request, as autocannon sends it: the same on the API and on the baseline. */
export interface Scenario {
  name: string;
  kind: 'read' | 'write';
  method: 'GET' | 'POST';
  /** Called per request, so reads spread over many rows and writes do not contend on one. */
  path: () => string;
  body?: () => string;
  /** In the scale curve: the list and filter requests whose latency should stay flat. */
  scale: boolean;
}

const FAR_FUTURE = '2030-01-01T09:00:00Z';

/** Round-robin over the fixture's task ids. */
function rotating(ids: readonly string[]): () => string {
  let next = 0;
  return () => ids[next++ % ids.length];
}

export function scenarios(fixtures: Fixtures): Scenario[] {
  const nextId = rotating(fixtures.taskIds);
  const nextOpenId = rotating(fixtures.openTaskIds);
  const tags = `${fixtures.popularTag},${fixtures.rareTag}`;
  return [
    {
      name: 'GET /tasks/:id',
      kind: 'read',
      method: 'GET',
      path: () => `/tasks/${nextId()}`,
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
      path: () => `/tasks?limit=50&cursor=${fixtures.deepCursor}`,
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
      path: () => `/tasks/${nextOpenId()}/tags`,
      // An existing mid-popularity tag: the get-or-create finds it, the link is new or kept.
      body: () => JSON.stringify({ name: 'tag-0500' }),
      scale: false,
    },
    {
      name: 'POST /reminders',
      kind: 'write',
      method: 'POST',
      path: () => '/reminders',
      body: () => JSON.stringify({ taskId: nextOpenId(), remindAt: FAR_FUTURE, note: 'bench' }),
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
