import { isUUID } from 'class-validator';
import { hash, timingSafeEqual } from 'node:crypto';
import { Page } from '../http/pagination';
import { badRequest } from '../http/problem';
import { Sql } from './sql';

/**
 * Keyset (seek) pagination, the one way every list of the API sorts and pages: rows are
 * ordered by `(key, id)` and a page starts strictly after the position of the previous page's
 * last row, so a page costs the same at any depth and rows inserted meanwhile never shift it.
 *
 * The position travels in an opaque cursor that is bound to the list and sort it was made for
 * and carries a keyed hash: a cursor edited, truncated, or taken from another list or sort is
 * a 400 naming `cursor`, and its values are checked against their key's type before they
 * reach SQL.
 */

/** What a sort key holds, each with its canonical text in a cursor. */
export type KeyType =
  /** A `timestamptz`, carried as integer epoch milliseconds (exact, and any year round-trips). */
  | { kind: 'instant' }
  | { kind: 'text'; maxLength: number }
  /** A PostgreSQL enum: its labels, and the type name its SQL values are cast to. */
  | { kind: 'enum'; values: readonly string[]; sqlType: string }
  | { kind: 'uuid' };

export const INSTANT_KEY: KeyType = { kind: 'instant' };

export interface SortKey {
  /** The key as SQL, on the list's alias: `task.created_at`, `lower(tag.name)`. */
  sql: string;
  type: KeyType;
  /** Rows without a value sort last in either direction. */
  nullable?: boolean;
  /**
   * SQL turning a cursor value (a bound parameter) into something comparable with `sql`;
   * by default the parameter cast to the key's type. `lower(tag.name)` compares with
   * `lower($n)`.
   */
  fromParameter?: (parameter: string) => string;
}

export interface KeysetDefinition {
  /** The list the cursors belong to, e.g. `GET /tasks`; a cursor of another list is refused. */
  list: string;
  /** The sort's name as the client spells it (`-createdAt`); part of the cursor's binding. */
  sort: string;
  key: SortKey;
  /** The unique tie-breaker, a uuid column: `task.id`. */
  id: string;
  descending: boolean;
}

/** Where a page ended: the last row's key value (canonical text, see `KeyType`) and id. */
export interface Position {
  value: string | null;
  id: string;
}

/** A key value as a row gives it: a `Date` or canonical text for instants, text otherwise. */
export type KeyValue = Date | string | null;

/**
 * Binds a cursor value as a query parameter and answers the SQL that refers to it (`$3`,
 * `:keysetValue`), so the same keyset serves TypeORM query builders and composed SQL.
 */
export type BindParameter = (value: string) => string;

// The hash keeps cursors opaque and tamper-evident; it is not what keeps SQL safe (every
// value is validated and bound as a parameter), so a text fixed in the code is enough, and a
// cursor stays valid across restarts and across every process serving the API. As that text is
// no secret, a keyed HMAC would add nothing: one SHA-256 of it with the cursor's context and
// payload is the same check, and a one-shot hash costs a fraction of building an HMAC per cursor.
const CURSOR_CONTEXT = 'task-api keyset cursor v2';
const MAC_LENGTH = 16;

// PostgreSQL's timestamptz range in epoch milliseconds: 4713 BC to 294276 AD.
const MIN_INSTANT = -210_866_803_200_000n;
const MAX_INSTANT = 9_224_318_015_999_999n;

/** Before it, an instant's epoch milliseconds fit a double's exact range (see `valueSql`). */
const DOUBLE_EXACT_BEFORE = "timestamptz '12000-01-01 00:00:00+00'";

export class Keyset {
  constructor(readonly definition: KeysetDefinition) {}

  /** `ORDER BY` items: key then id, both in the sort's direction; nulls last either way. */
  orderBy(): string {
    const { key, id, descending } = this.definition;
    const direction = descending ? 'DESC' : 'ASC';
    // `NULLS LAST` only where a column can be null: on a NOT NULL column it changes no result,
    // but PostgreSQL would no longer match the order to the (column, id) index read backward
    // (`DESC` means `NULLS FIRST` there) and would sort the whole table for every page.
    const nulls = key.nullable ? ' NULLS LAST' : '';
    return `${key.sql} ${direction}${nulls}, ${id} ${direction}`;
  }

  /** The condition "strictly after `position`" in this order, or `undefined` on the first page. */
  after(position: Position | undefined, bind: BindParameter): string | undefined {
    if (!position) return undefined;
    const { key, id, descending } = this.definition;
    const comparison = descending ? '<' : '>';
    const afterId = (): string => `CAST(${bind(position.id)} AS uuid)`;
    // Only rows without a key value remain (they sort last), ordered by id.
    if (position.value === null) return `(${key.sql} IS NULL AND ${id} ${comparison} ${afterId()})`;
    const value = (key.fromParameter ?? defaultFromParameter(key.type))(bind(position.value));
    const afterRow = `(${key.sql}, ${id}) ${comparison} (${value}, ${afterId()})`;
    return key.nullable ? `(${afterRow} OR ${key.sql} IS NULL)` : afterRow;
  }

  /** `after` as a fragment of a composed statement, its values bound as parameters. */
  condition(position: Position | undefined): Sql | undefined {
    const values: string[] = [];
    // A private-use character marks where each value goes; SQL written in the code has none.
    const text = this.after(position, (value) => `\ue000${values.push(value) - 1}\ue000`);
    if (text === undefined) return undefined;
    // Split at the markers: text, index, text, index, ..., text.
    const parts = text.split(/\ue000(\d+)\ue000/);
    const strings = parts.filter((_, i) => i % 2 === 0);
    const bound = parts.filter((_, i) => i % 2 === 1).map((index) => values[Number(index)]);
    return Sql.of(strings, bound);
  }

  /**
   * SQL giving a row's key value as its cursor carries it (text), for `encode`. An instant's
   * epoch milliseconds come from `date_part`'s double where that is exact, `extract`'s numeric
   * elsewhere: the numeric costs PostgreSQL ≈ 30 µs more on a page of 50. Instants are stored to
   * the millisecond; before year 12000 a double misses their epoch milliseconds by under 0.2 ms,
   * so rounding gives them back exactly, but near PostgreSQL's last year (294276) by a whole one.
   */
  valueSql(): string {
    const { key } = this.definition;
    if (key.type.kind !== 'instant') return `(${key.sql})::text`;
    const exact = `${key.sql} < ${DOUBLE_EXACT_BEFORE}`;
    const fast = `(date_part('epoch', ${key.sql}) * 1000)::bigint`;
    const slow = `(extract(epoch FROM ${key.sql}) * 1000)::bigint`;
    return `(CASE WHEN ${exact} THEN ${fast} ELSE ${slow} END)::text`;
  }

  /**
   * The position a cursor holds, or `undefined` without a cursor; a 400 naming `cursor` for
   * anything this list did not hand out for this sort (and `scope`, e.g. the parent's id).
   */
  decode(cursor: string | undefined, scope = ''): Position | undefined {
    if (cursor === undefined) return undefined;
    const dot = cursor.lastIndexOf('.');
    const payload = cursor.slice(0, dot);
    const mac = cursor.slice(dot + 1);
    if (dot < 0 || !this.verify(payload, scope, mac)) throw invalidCursor();
    const position = parsePosition(payload);
    if (!position || !this.isValid(position)) throw invalidCursor();
    return position;
  }

  /** The cursor for the position after a row with this key value and id. */
  encode(value: KeyValue, id: string, scope = ''): string {
    const payload = Buffer.from(
      JSON.stringify([canonical(this.definition.key.type, value), id]),
      'utf8',
    ).toString('base64url');
    return `${payload}.${this.mac(payload, scope)}`;
  }

  /**
   * A page from `limit + 1` rows: the extra row only tells that a next page exists; the cursor
   * points at the last row kept.
   */
  page<Row, Item>(
    rows: readonly Row[],
    limit: number,
    toItem: (row: Row) => Item,
    positionOf: (row: Row) => { value: KeyValue; id: string },
    scope = '',
  ): Page<Item> {
    const hasMore = rows.length > limit;
    const kept = hasMore ? rows.slice(0, limit) : rows;
    const last = kept[kept.length - 1];
    const position = hasMore ? positionOf(last) : undefined;
    return {
      items: kept.map(toItem),
      nextCursor: position ? this.encode(position.value, position.id, scope) : null,
    };
  }

  private mac(payload: string, scope: string): string {
    const { list, sort } = this.definition;
    return hash(
      'sha256',
      `${CURSOR_CONTEXT}\u0000${list}\u0000${sort}\u0000${scope}\u0000${payload}`,
      'base64url',
    ).slice(0, MAC_LENGTH);
  }

  private verify(payload: string, scope: string, mac: string): boolean {
    const expected = Buffer.from(this.mac(payload, scope));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private isValid({ value, id }: Position): boolean {
    const { key } = this.definition;
    if (!isUUID(id)) return false;
    if (value === null) return key.nullable === true;
    return isValidKeyValue(key.type, value);
  }
}

/** `?limit=&cursor=` paging of one list in one order (and one parent, via `scope`). */
export function keyset(definition: KeysetDefinition): Keyset {
  return new Keyset(definition);
}

/**
 * TypeORM query builders take named parameters: binds cursor values (and the values of
 * `Sql.boundBy`) as `:keyset0`, `:keyset1`... into `parameters`, to pass along with the
 * conditions. Names never clash within one binder; two binders on one query take two prefixes.
 */
export function namedParameters(prefix = 'keyset'): {
  bind: (value: unknown) => string;
  parameters: Record<string, unknown>;
} {
  const parameters: Record<string, unknown> = {};
  const bind = (value: unknown): string => {
    const name = `${prefix}${Object.keys(parameters).length}`;
    parameters[name] = value;
    return `:${name}`;
  };
  return { bind, parameters };
}

function invalidCursor() {
  return badRequest('The cursor is not valid for this list.', [
    { field: 'cursor', message: 'is not a cursor returned by this list with the same sort' },
  ]);
}

function parsePosition(payload: string): Position | undefined {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) return undefined;
  const [value, id] = decoded as unknown[];
  if ((typeof value !== 'string' && value !== null) || typeof id !== 'string') return undefined;
  return { value, id };
}

function canonical(type: KeyType, value: KeyValue): string | null {
  if (value === null) return null;
  if (value instanceof Date) {
    if (type.kind !== 'instant') throw new Error(`A ${type.kind} sort key was given a Date`);
    return String(value.getTime());
  }
  return value;
}

function defaultFromParameter(type: KeyType): (parameter: string) => string {
  switch (type.kind) {
    case 'instant':
      return instantFromMilliseconds;
    case 'text':
      return (parameter) => `CAST(${parameter} AS text)`;
    case 'enum':
      return (parameter) => `CAST(${parameter} AS ${type.sqlType})`;
    case 'uuid':
      return (parameter) => `CAST(${parameter} AS uuid)`;
  }
}

/**
 * Epoch milliseconds back to a timestamptz, exactly over PostgreSQL's whole range and whatever
 * the session's time zone: whole days plus the milliseconds left, added to a timestamp without
 * time zone. (`epoch + n * interval '1 ms'` goes through a double and misses by microseconds
 * near year 9999, which would make a page repeat its last row.)
 */
function instantFromMilliseconds(parameter: string): string {
  const milliseconds = `CAST(${parameter} AS bigint)`;
  const days = `CAST(${milliseconds} / 86400000 AS int)`;
  const seconds = `${milliseconds} % 86400000 / 1000.0`;
  return `((timestamp 'epoch' + make_interval(days => ${days}, secs => ${seconds})) AT TIME ZONE 'UTC')`;
}

function isValidKeyValue(type: KeyType, value: string): boolean {
  switch (type.kind) {
    case 'instant': {
      if (!/^-?\d{1,16}$/.test(value)) return false;
      const milliseconds = BigInt(value);
      return milliseconds >= MIN_INSTANT && milliseconds <= MAX_INSTANT;
    }
    case 'text':
      // Lengths in code points, as PostgreSQL counts them; a NUL can never be stored.
      return [...value].length <= type.maxLength && !value.includes('\u0000');
    case 'enum':
      return type.values.includes(value);
    case 'uuid':
      return isUUID(value);
  }
}
