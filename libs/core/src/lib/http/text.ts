import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Matches, ValidateBy, ValidationOptions } from 'class-validator';
import { FieldError } from './problem';

/**
 * Text rules that hold for every string a client sends (SPEC §6), applied by the validation
 * pipe to bodies, query strings and path parameters alike, before any DTO sees them.
 */

/** PostgreSQL cannot store U+0000 in text: refused rather than failing in the database. */
const NUL = '\u0000';
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The problems of the strings inside `value` (walked through arrays and objects), each named by
 * the field that holds it: `tagIds` for an element of `tagIds`, `a.b` for a nested property.
 */
export function textProblems(value: unknown, field: string): FieldError[] {
  const problems: FieldError[] = [];
  collectTextProblems(value, field, problems);
  return problems;
}

function collectTextProblems(value: unknown, field: string, problems: FieldError[]): void {
  if (typeof value === 'string') {
    if (!isPlainAscii(value)) stringProblems(value, field, problems);
  } else if (Array.isArray(value)) {
    for (const item of value) collectTextProblems(item, field, problems);
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      collectTextProblems(item, field ? `${field}.${key}` : key, problems);
    }
  }
}

function stringProblems(value: string, field: string, problems: FieldError[]): void {
  if (value.includes(NUL)) {
    problems.push({ field, message: `${field} must not contain NUL (U+0000)` });
  }
  // A lone surrogate has no UTF-8 form: the driver would silently store U+FFFD instead.
  if (LONE_SURROGATE.test(value)) {
    problems.push({
      field,
      message: `${field} must be valid Unicode text (it has an unpaired surrogate)`,
    });
  }
}

/**
 * Printable ASCII and the usual whitespace: no NUL, no surrogate, and already NFC. Most input
 * is, so the rules above cost one scan of it.
 */
const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/;
const isPlainAscii = (value: string): boolean => PLAIN_ASCII.test(value);

/**
 * Every string inside `value` in Unicode NFC, the one form the API stores and compares.
 * `value` is parsed input (JSON, a query string, path parameters): its objects are plain data.
 * What is already NFC comes back as it was (the same object), so only changed input is copied.
 */
export function normalizeText<T>(value: T): T {
  if (typeof value === 'string') {
    return (isPlainAscii(value) ? value : value.normalize('NFC')) as T;
  }
  if (Array.isArray(value)) {
    const items = value.map(normalizeText);
    return (items.some((item, i) => item !== value[i]) ? items : value) as T;
  }
  if (value && typeof value === 'object') {
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      const normalized = normalizeText(item);
      if (normalized !== item) {
        copy ??= { ...(value as Record<string, unknown>) };
        copy[key] = normalized;
      }
    }
    return (copy ?? value) as T;
  }
  return value;
}

/** What PostgreSQL's `varchar(n)` counts: code points, not UTF-16 units nor graphemes. */
export const codePointLength = (value: string): number => {
  let length = 0;
  for (const _ of value) length++;
  return length;
};

/**
 * A string of `min` to `max` code points, so that whatever passes fits its column.
 * (class-validator's `Length` counts UTF-16 units minus variation selectors, which the
 * database does count.)
 */
export function TextLength(
  min: number,
  max: number,
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'textLength',
      constraints: [min, max],
      validator: {
        validate: (value) => {
          if (typeof value !== 'string') return false;
          const length = codePointLength(value);
          return length >= min && length <= max;
        },
        defaultMessage: (args) => {
          if (typeof args?.value !== 'string') return '$property must be a string';
          if (min > 0 && args.value.length === 0) return '$property must not be empty';
          return min > 0
            ? `$property must be ${min} to ${max} characters long (Unicode code points)`
            : `$property must be at most ${max} characters long (Unicode code points)`;
        },
      },
    },
    validationOptions,
  );
}

/** A letter, digit, punctuation or symbol: something a reader sees. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
/** A label is one line: no control character (a line break, a tab). */
const NO_CONTROL = /^\P{Cc}*$/u;

/**
 * A name people read (a tag's, a user's, a token's): trimmed, then 1 to `max` code points, with
 * a visible character (not only spaces, joiners or combining marks) and no control character.
 */
export function Label(max: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    TextLength(1, max),
    Matches(VISIBLE, { message: '$property must contain a visible character' }),
    Matches(NO_CONTROL, {
      message: '$property must not contain a control character (such as a line break)',
    }),
  );
}
