import { ProblemException } from '../http/problem';
import { INSTANT_KEY, Keyset, keyset, namedParameters } from './keyset';

const ID = '0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b';
const OTHER_ID = '7d1e9c3a-5b2f-4a6d-8e9c-0f1a2b3c4d5e';

const byCreatedAt = keyset({
  list: 'GET /things',
  sort: '-createdAt',
  key: { sql: 'thing.created_at', type: INSTANT_KEY },
  id: 'thing.id',
  descending: true,
});
const byDueAt = keyset({
  list: 'GET /things',
  sort: 'dueAt',
  key: { sql: 'thing.due_at', type: INSTANT_KEY, nullable: true },
  id: 'thing.id',
  descending: false,
});
const byName = keyset({
  list: 'GET /labels',
  sort: 'name',
  key: {
    sql: 'lower(label.name)',
    type: { kind: 'text', maxLength: 8 },
    fromParameter: (parameter) => `lower(${parameter})`,
  },
  id: 'label.id',
  descending: false,
});
const byRank = keyset({
  list: 'GET /things',
  sort: 'rank',
  key: { sql: 'thing.rank', type: { kind: 'enum', values: ['low', 'high'], sqlType: 'rank' } },
  id: 'thing.id',
  descending: false,
});

/** The 400 a bad cursor gives, or a failure when it was accepted. */
function refusal(sut: Keyset, cursor: string, scope?: string): ProblemException {
  try {
    sut.decode(cursor, scope);
  } catch (error) {
    if (error instanceof ProblemException) return error;
    throw error;
  }
  throw new Error(`the cursor ${cursor} was accepted`);
}

/** A cursor with its payload replaced, the hash kept: what a hand edit gives. */
function edited(cursor: string, payload: unknown): string {
  const [, mac] = cursor.split('.');
  return `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${mac}`;
}

describe(Keyset.name, () => {
  describe('cursors', () => {
    it('round-trips a position, instants as exact epoch milliseconds', () => {
      const cursor = byCreatedAt.encode(new Date('2026-12-01T09:00:00.123Z'), ID);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{16}$/);
      expect(byCreatedAt.decode(cursor)).toEqual({ value: '1796115600123', id: ID });
    });

    it.each([
      ['year 0', '0000-01-01T00:00:00.000Z'],
      ['a BC year', '-000100-06-15T12:00:00.000Z'],
      ['year 9999', '9999-12-31T23:59:59.999Z'],
      ['before 1970', '1969-12-31T23:59:59.999Z'],
    ])('can follow every instant a row may hold: %s', (_, iso) => {
      const at = new Date(iso);
      const position = byCreatedAt.decode(byCreatedAt.encode(at, ID));
      expect(Number(position?.value)).toBe(at.getTime());
    });

    it('accepts canonical text for an instant, as PostgreSQL gives it', () => {
      expect(byCreatedAt.decode(byCreatedAt.encode('-62167219200000', ID))).toEqual({
        value: '-62167219200000',
        id: ID,
      });
    });

    it('keeps null for a nullable key, and text keys in any script', () => {
      expect(byDueAt.decode(byDueAt.encode(null, ID))).toEqual({ value: null, id: ID });
      expect(byName.decode(byName.encode('Ärger 😀', ID))).toEqual({ value: 'Ärger 😀', id: ID });
    });

    it('has no position without a cursor', () => {
      expect(byCreatedAt.decode(undefined)).toBeUndefined();
    });

    it.each([
      ['empty', ''],
      ['no hash', Buffer.from(JSON.stringify(['1', ID])).toString('base64url')],
      ['not base64 JSON', 'not a cursor.AAAAAAAAAAAAAAAA'],
      [
        'an old-style cursor',
        Buffer.from('{"sort":"-createdAt","value":"1"}').toString('base64url'),
      ],
    ])('refuses a cursor it did not make (%s) with a 400 naming cursor', (_, cursor) => {
      const problem = refusal(byCreatedAt, cursor);
      expect(problem.getStatus()).toBe(400);
      expect(problem.extras.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    });

    it('refuses an edited value, an edited id and a truncated cursor', () => {
      const cursor = byCreatedAt.encode(new Date('2026-12-01T09:00:00Z'), ID);
      expect(refusal(byCreatedAt, edited(cursor, ['1', ID])).getStatus()).toBe(400);
      expect(refusal(byCreatedAt, edited(cursor, ['1796115600000', OTHER_ID])).getStatus()).toBe(
        400,
      );
      expect(refusal(byCreatedAt, cursor.slice(0, -1)).getStatus()).toBe(400);
      expect(refusal(byCreatedAt, cursor.slice(1)).getStatus()).toBe(400);
    });

    it('refuses a cursor of another sort, another list or another scope', () => {
      const at = new Date('2026-12-01T09:00:00Z');
      expect(refusal(byDueAt, byCreatedAt.encode(at, ID)).getStatus()).toBe(400);
      expect(refusal(byName, byCreatedAt.encode(at, ID)).getStatus()).toBe(400);
      const scoped = byCreatedAt.encode(at, ID, OTHER_ID);
      expect(byCreatedAt.decode(scoped, OTHER_ID)).toEqual({ value: String(at.getTime()), id: ID });
      expect(refusal(byCreatedAt, scoped, ID).getStatus()).toBe(400);
      expect(refusal(byCreatedAt, scoped).getStatus()).toBe(400);
    });

    it.each([
      ['an instant that is not an integer', byCreatedAt, ['2026-12-01T00:00:00Z', ID]],
      ['an instant beyond PostgreSQL range', byCreatedAt, ['9999999999999999', ID]],
      ['null for a key that cannot be null', byCreatedAt, [null, ID]],
      ['an id that is not a uuid', byCreatedAt, ['1', 'x']],
      ['text over the key length', byName, ['nine char', ID]],
      ['text with a NUL', byName, ['a\u0000b', ID]],
      ['an unknown enum label', byRank, ['urgent', ID]],
      ['a number for a text key', byName, [1, ID]],
      ['three members', byName, ['a', ID, 'x']],
    ])(
      'refuses %s even when its hash is right: values are checked before SQL',
      (_, sut, payload) => {
        // Sign the bad payload as the API would, to show that the type check stands alone.
        const json = Buffer.from(JSON.stringify(payload)).toString('base64url');
        const mac = (sut as unknown as { mac(payload: string, scope: string): string }).mac(
          json,
          '',
        );
        expect(refusal(sut, `${json}.${mac}`).getStatus()).toBe(400);
      },
    );
  });

  describe('SQL', () => {
    it('orders by key then id, nulls last only where the key can be null', () => {
      expect(byCreatedAt.orderBy()).toBe('thing.created_at DESC, thing.id DESC');
      expect(byDueAt.orderBy()).toBe('thing.due_at ASC NULLS LAST, thing.id ASC');
    });

    it('has no condition on the first page', () => {
      expect(byCreatedAt.after(undefined, namedParameters().bind)).toBeUndefined();
    });

    it('seeks past the position, binding values as parameters', () => {
      const { bind, parameters } = namedParameters();
      const condition = byCreatedAt.after({ value: '1796115600123', id: ID }, bind);
      expect(condition).toBe(
        '(thing.created_at, thing.id) < (' +
          "((timestamp 'epoch' + make_interval(days => CAST(CAST(:keyset0 AS bigint) / 86400000 AS int), " +
          "secs => CAST(:keyset0 AS bigint) % 86400000 / 1000.0)) AT TIME ZONE 'UTC'), " +
          'CAST(:keyset1 AS uuid))',
      );
      expect(parameters).toEqual({ keyset0: '1796115600123', keyset1: ID });
    });

    it('lets null rows follow the valued ones on a nullable key', () => {
      expect(byDueAt.after({ value: '0', id: ID }, namedParameters().bind)).toMatch(
        /^\(\(thing\.due_at, thing\.id\) > \(.+\) OR thing\.due_at IS NULL\)$/,
      );
      expect(byDueAt.after({ value: null, id: ID }, namedParameters().bind)).toBe(
        '(thing.due_at IS NULL AND thing.id > CAST(:keyset0 AS uuid))',
      );
    });

    it('compares through the key expression given, and casts enum labels', () => {
      expect(byName.after({ value: 'Ab', id: ID }, namedParameters().bind)).toBe(
        '(lower(label.name), label.id) > (lower(:keyset0), CAST(:keyset1 AS uuid))',
      );
      expect(byRank.after({ value: 'low', id: ID }, namedParameters().bind)).toBe(
        '(thing.rank, thing.id) > (CAST(:keyset0 AS rank), CAST(:keyset1 AS uuid))',
      );
    });
  });

  describe('as a fragment of a composed statement', () => {
    it('binds every use of a value as a parameter of its own', () => {
      const condition = byCreatedAt.condition({ value: '1796115600123', id: ID })!;
      expect(condition.values).toEqual(['1796115600123', '1796115600123', ID]);
      expect(condition.text).toContain('(CAST($1 AS bigint) / 86400000 AS int)');
      expect(condition.text).toContain('CAST($2 AS bigint) % 86400000');
      expect(condition.text).toMatch(/CAST\(\$3 AS uuid\)\)$/);
      expect(byCreatedAt.condition(undefined)).toBeUndefined();
    });

    it("reads a row's cursor value as text: instants as epoch milliseconds", () => {
      expect(byCreatedAt.valueSql()).toBe(
        "(CASE WHEN thing.created_at < timestamptz '12000-01-01 00:00:00+00'" +
          " THEN (date_part('epoch', thing.created_at) * 1000)::bigint" +
          ' ELSE (extract(epoch FROM thing.created_at) * 1000)::bigint END)::text',
      );
      expect(byRank.valueSql()).toBe('(thing.rank)::text');
    });
  });

  describe('pages', () => {
    const rows = ['a', 'b', 'c'].map((name, i) => ({ name, id: [ID, OTHER_ID, ID][i] }));

    it('cuts the look-ahead row and points the cursor at the last item kept', () => {
      const page = byName.page(
        rows,
        2,
        (row) => row.name,
        (row) => ({ value: row.name, id: row.id }),
      );
      expect(page.items).toEqual(['a', 'b']);
      expect(byName.decode(page.nextCursor!)).toEqual({ value: 'b', id: OTHER_ID });
    });

    it('has no next cursor on the last page', () => {
      const page = byName.page(
        rows,
        3,
        (row) => row.name,
        (row) => ({ value: row.name, id: row.id }),
      );
      expect(page).toEqual({ items: ['a', 'b', 'c'], nextCursor: null });
    });
  });
});
