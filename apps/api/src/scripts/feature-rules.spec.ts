import { Row, prefixOf, render, violationsOf } from './feature-rules';

const row = (project: string, overrides: Partial<Row> = {}): Row => ({
  project,
  tables: [],
  files: [],
  endpoints: [],
  dependsOn: project === 'core' ? [] : ['core'],
  ...overrides,
});
const endpoint = (method: string, path: string) => ({ method, path, prefix: prefixOf(path) });

describe('feature rules', () => {
  it.each([
    ['/tasks', '/tasks'],
    ['/tasks/:id', '/tasks'],
    ['/tasks/:taskId/tags', '/tasks/{}/tags'],
    ['/tasks/:taskId/tags/:tagId', '/tasks/{}/tags'],
    ['/reminders/:id/snooze', '/reminders/{}/snooze'],
  ])('the route %s has the prefix %s', (path, prefix) => {
    expect(prefixOf(path)).toBe(prefix);
  });

  it('finds nothing wrong in independent features', () => {
    const rows = [
      row('core', {
        tables: ['tasks'],
        files: ['libs/core/a.ts'],
        endpoints: [endpoint('GET', '/tasks/:id')],
      }),
      row('tags', {
        tables: ['tags'],
        files: ['libs/tags/a.ts'],
        endpoints: [endpoint('PUT', '/tasks/:taskId/tags/:tagId')],
      }),
      row('reminders', {
        tables: ['reminders'],
        files: ['libs/reminders/a.ts'],
        endpoints: [endpoint('GET', '/reminders')],
      }),
    ];
    expect(violationsOf(rows)).toEqual([]);
    expect(render(rows, [])).toContain('no table, file or route prefix is shared');
  });

  it('reports a shared table, a shared file, a shared route prefix and features importing each other', () => {
    const rows = [
      row('core', {
        tables: ['tasks'],
        endpoints: [endpoint('GET', '/tasks/:id')],
        dependsOn: ['tags'],
      }),
      row('tags', {
        tables: ['tags', 'reminders'],
        files: ['shared.ts'],
        dependsOn: ['core', 'reminders'],
      }),
      row('reminders', {
        tables: ['reminders'],
        files: ['shared.ts'],
        endpoints: [endpoint('DELETE', '/tasks/:id')],
      }),
    ];
    expect(violationsOf(rows)).toEqual([
      'table reminders belongs to tags and reminders',
      'file shared.ts belongs to tags and reminders',
      'route prefix /tasks belongs to core and reminders',
      'core imports the feature tags',
      'feature tags imports feature reminders',
    ]);
    expect(render(rows, violationsOf(rows))).toContain('**Violations:**');
  });
});
