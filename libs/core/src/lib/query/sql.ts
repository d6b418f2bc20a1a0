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
    return this.strings.reduce((text, part, i) => `${text}$${i}${part}`);
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
