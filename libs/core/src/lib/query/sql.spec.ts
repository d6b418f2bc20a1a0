import { namedParameters } from './keyset';
import { EMPTY_SQL, Sql, escapeLike, joinSql, raw, sql, template } from './sql';

describe(Sql.name, () => {
  it('binds values as numbered parameters', () => {
    const fragment = sql`SELECT * FROM tasks WHERE title = ${"it's"} AND version > ${2}`;
    expect(fragment.text).toBe('SELECT * FROM tasks WHERE title = $1 AND version > $2');
    expect(fragment.values).toEqual(["it's", 2]);
  });

  it('inlines nested fragments and renumbers their parameters', () => {
    const inner = sql`EXISTS (SELECT 1 FROM tags WHERE id = ${'t'} AND name = ${'n'})`;
    const outer = sql`SELECT ${raw('task.id')} FROM tasks task WHERE a = ${1} AND ${inner} LIMIT ${5}`;
    expect(outer.text).toBe(
      'SELECT task.id FROM tasks task WHERE a = $1 AND EXISTS (SELECT 1 FROM tags WHERE id = $2 AND name = $3) LIMIT $4',
    );
    expect(outer.values).toEqual([1, 't', 'n', 5]);
  });

  it('joins fragments with a separator, and nothing to the empty fragment', () => {
    const joined = joinSql([sql`a = ${1}`, raw('b IS NULL'), sql`c = ${3}`], ' AND ');
    expect(joined.text).toBe('a = $1 AND b IS NULL AND c = $2');
    expect(joined.values).toEqual([1, 3]);
    expect(joinSql([], ' AND ')).toEqual(EMPTY_SQL);
    expect(sql`x${EMPTY_SQL}y`.text).toBe('xy');
  });

  it('binds its values as named parameters for a TypeORM query builder, in order', () => {
    const { bind, parameters } = namedParameters('owned');
    const fragment = sql`task.id = ${raw('reminder.task_id')} AND task.owner_id = ${'u1'} AND ${sql`x = ${2}`}`;
    expect(fragment.boundBy(bind)).toBe(
      'task.id = reminder.task_id AND task.owner_id = :owned0 AND x = :owned1',
    );
    expect(parameters).toEqual({ owned0: 'u1', owned1: 2 });
  });
});

describe(template.name, () => {
  it('composes once and binds each call’s arguments in their places, constants kept', () => {
    let composed = 0;
    const byId = template<[string, number]>(2, (id, version) => {
      composed++;
      return sql`SELECT ${raw('x')} FROM t WHERE id = ${id} AND kind = ${'k'} AND version > ${version}`;
    });
    const first = byId('a', 1);
    const second = byId('b', 2);
    expect(first.text).toBe('SELECT x FROM t WHERE id = $1 AND kind = $2 AND version > $3');
    expect(first.values).toEqual(['a', 'k', 1]);
    expect(second.values).toEqual(['b', 'k', 2]);
    expect(second.text).toBe(first.text);
    // Composed once: every later call only binds its arguments.
    expect(composed).toBe(1);
  });

  it('composes when first called, not when declared (a view is known after boot)', () => {
    const build = jest.fn(() => sql`SELECT 1`);
    const statement = template<[]>(0, build);
    expect(build).not.toHaveBeenCalled();
    expect(statement().text).toBe('SELECT 1');
  });
});

describe('Sql.shapes', () => {
  it('gives statements of a known shape the text composed the first time, with their own values', () => {
    const shaped = Sql.shapes();
    const page = (status: string) => sql`SELECT 1 FROM t WHERE status = ${status} LIMIT ${5}`;
    const numbering = jest.spyOn(Sql.prototype, 'text', 'get');
    const first = shaped('status', page('todo'));
    expect(numbering).toHaveBeenCalledTimes(1);
    const second = shaped('status', page('done'));
    // The second statement of the shape is not numbered again: it gets the first one's text.
    expect(numbering).toHaveBeenCalledTimes(1);
    numbering.mockRestore();
    expect(first.text).toBe('SELECT 1 FROM t WHERE status = $1 LIMIT $2');
    expect(second.text).toBe(first.text);
    expect(second.values).toEqual(['done', 5]);
    expect(shaped('none', sql`SELECT 1 FROM t LIMIT ${5}`).text).toBe('SELECT 1 FROM t LIMIT $1');
  });
});

describe(escapeLike.name, () => {
  it('makes LIKE match %, _ and \\ literally', () => {
    expect(escapeLike('50%_off\\now')).toBe('50\\%\\_off\\\\now');
    expect(escapeLike('plain')).toBe('plain');
  });
});
