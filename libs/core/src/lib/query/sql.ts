/** Bounds what shapes cost if a caller's shapes were not a few after all. */
const MAX_SHAPES = 1_000;

/**
 * SQL text with its parameters kept beside it, composable: a fragment written with
 * `sql\`... ${value} ...\`` binds `value` as a parameter, a nested fragment is inlined with its
 * own parameters, and `text` numbers them all `$1..$n` only when the statement is complete.
 * Features write their parts of a composed statement this way, never by concatenating values.
 */
export class Sql {
  /** `strings` has one more member than `values`: text, value, text, value, ..., text. */
  private constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  static of(strings: readonly string[], values: readonly unknown[]): Sql {
    const flatStrings = [strings[0]];
    const flatValues: unknown[] = [];
    values.forEach((value, i) => {
      if (value instanceof Sql) {
        flatStrings[flatStrings.length - 1] += value.strings[0];
        flatValues.push(...value.values);
        flatStrings.push(...value.strings.slice(1));
        flatStrings[flatStrings.length - 1] += strings[i + 1];
      } else {
        flatValues.push(value);
        flatStrings.push(strings[i + 1]);
      }
    });
    return new Sql(flatStrings, flatValues);
  }

  /** The statement for `pg`: parameters numbered `$1..$n` in order. */
  get text(): string {
    this.numbered ??= this.strings.reduce((text, part, i) => `${text}$${i}${part}`);
    return this.numbered;
  }

  private numbered?: string;

  /** This statement's text with other values: what a `template` gives at each use. */
  withValues(values: readonly unknown[]): Sql {
    return this.numberedAs(this.text, values);
  }

  private numberedAs(text: string, values: readonly unknown[]): Sql {
    const statement = new Sql(this.strings, values);
    statement.numbered = text;
    return statement;
  }

  /**
   * Statements composed in a few shapes (a list's filters and sort) get the text of their shape,
   * composed the first time: the same string every time after (see `template`). `shape` must
   * name everything the text depends on beyond what is constant where it is called.
   */
  static shapes(): (shape: string, statement: Sql) => Sql {
    const texts = new Map<string, string>();
    return (shape, statement) => {
      let text = texts.get(shape);
      if (text === undefined) {
        text = statement.text;
        if (texts.size < MAX_SHAPES) texts.set(shape, text);
      }
      return statement.numberedAs(text, statement.values);
    };
  }

  /**
   * The text with each value bound by `bind`, for a TypeORM query builder's named parameters
   * (`namedParameters`): a fragment written once serves both kinds of query.
   */
  boundBy(bind: (value: unknown) => string): string {
    return this.strings.reduce((text, part, i) => `${text}${bind(this.values[i - 1])}${part}`);
  }
}

/** A fragment: `${value}` binds a parameter, `${fragment}` inlines another fragment. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return Sql.of(strings, values);
}

/** Where a `template`'s parameter goes; replaced by the argument at each use. */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * A statement whose shape is fixed, only its parameters vary (a read by id, an insert): `build`
 * composes it once from `arity` placeholder fragments, and each call binds the arguments in
 * their places. A call composes nothing, and its text is the same string every time, so the
 * named statement it runs as is found without reading a new text.
 */
export function template<Args extends unknown[]>(
  arity: Args['length'],
  build: (...params: Sql[]) => Sql,
): (...args: Args) => Sql {
  const slots = Array.from({ length: arity }, (_, index) => Sql.of(['', ''], [new Slot(index)]));
  let shape: Sql | undefined;
  return (...args) => {
    shape ??= build(...slots);
    const { values } = shape;
    return shape.withValues(
      values.map((value) => (value instanceof Slot ? args[value.index] : value)),
    );
  };
}

/** Trusted SQL text (identifiers, keywords written in the code), never user input. */
export function raw(text: string): Sql {
  return Sql.of([text], []);
}

export const EMPTY_SQL = raw('');

/** The fragments joined by `separator` (`' AND '`, `', '`). */
export function joinSql(fragments: readonly Sql[], separator: string): Sql {
  if (fragments.length === 0) return EMPTY_SQL;
  const strings = ['', ...fragments.slice(1).map(() => separator), ''];
  return Sql.of(strings, fragments);
}

/**
 * An instant column as the API writes instants in JSON (`2026-12-01T09:00:00.000Z`), built by
 * PostgreSQL inside a view; `null` stays `null`.
 */
export function jsonInstant(column: string): Sql {
  return raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
}

/** Text matched literally by `LIKE`/`ILIKE` (with the default escape `\\`): `%` and `_` lose their magic. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);
