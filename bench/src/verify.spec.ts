import { comparable } from './verify';

describe('comparable (the bench compares answers as data)', () => {
  const task = (dueAt: string, nextCursor: string | null) => ({
    status: 200,
    json: { items: [{ id: 'a', dueAt, tags: [] }], nextCursor },
  });

  it('reads an instant as the moment it names, whatever its rendering', () => {
    expect(comparable(task('2030-01-01T09:00:00.000Z', null))).toEqual(
      comparable(task('2030-01-01T09:00:00+00:00', null)),
    );
    expect(comparable(task('2030-01-01T09:00:00.000Z', null))).not.toEqual(
      comparable(task('2030-01-01T09:00:00.001+00:00', null)),
    );
  });

  it('compares cursors by whether there is one, not by their text', () => {
    expect(comparable(task('2030-01-01T09:00:00Z', 'abc'))).toEqual(
      comparable(task('2030-01-01T09:00:00Z', 'xyz')),
    );
    expect(comparable(task('2030-01-01T09:00:00Z', 'abc'))).not.toEqual(
      comparable(task('2030-01-01T09:00:00Z', null)),
    );
  });

  it('keeps every other difference', () => {
    expect(comparable({ status: 200, json: { title: 'a' } })).not.toEqual(
      comparable({ status: 200, json: { title: 'b' } }),
    );
    expect(comparable({ status: 200, json: { title: 'a' } })).not.toEqual(
      comparable({ status: 404, json: { title: 'a' } }),
    );
  });
});
