import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';

/**
 * RFC 3339 date-time with a mandatory offset: `2026-12-01T09:00:00Z`, `...+02:00`.
 * A naive `2026-12-01T09:00:00` has no meaning for a reminder, so it is refused.
 */
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;

const isLeapYear = (year: number): boolean =>
  year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];

/**
 * Parses a strict RFC 3339 instant; `undefined` for anything else, including Feb 30 or 25:00.
 * Built from its fields rather than by `Date`'s own string parser (several times slower, and
 * every instant of a body comes through here); fractions beyond milliseconds are cut, as there.
 */
export function parseInstant(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const match = RFC3339.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const [offsetHours, offsetMinutes] = [Number(match[10] ?? 0), Number(match[11] ?? 0)];
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59;
  if (!valid) return undefined;
  const milliseconds = match[7] ? Number(match[7].slice(1, 4).padEnd(3, '0')) : 0;
  const offset = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: that one reads years 0-99 as 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, milliseconds);
  return new Date(date.getTime() - offset);
}

/**
 * The instants the API accepts, once the offset is applied. Before 1970 and after 9999 a
 * timestamp no longer round-trips as an RFC 3339 string (year 0, `+010000-...`), and a
 * cursor holding one could not be followed.
 */
export const FIRST_INSTANT = new Date('1970-01-01T00:00:00Z');
export const LAST_INSTANT = new Date('9999-12-31T23:59:59.999Z');

export const INSTANT_MESSAGE =
  'must be an RFC 3339 instant with a time-zone offset, e.g. 2026-12-01T09:00:00Z';
export const INSTANT_RANGE_MESSAGE =
  'must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z (after its offset is applied)';

export const isInstantInRange = (date: Date): boolean =>
  date.getTime() >= FIRST_INSTANT.getTime() && date.getTime() <= LAST_INSTANT.getTime();

/**
 * Marks a DTO property as an instant: the string is parsed to a `Date` before validation, and
 * anything that did not parse (left as the original value) or lies outside the accepted range
 * fails with a message saying which.
 */
export function IsInstant(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) =>
      value === null || value === undefined ? value : (parseInstant(value) ?? value),
    ),
    ValidateBy({
      name: 'isInstant',
      validator: {
        validate: (value) => value instanceof Date && isInstantInRange(value),
        defaultMessage: (args) =>
          `$property ${args?.value instanceof Date ? INSTANT_RANGE_MESSAGE : INSTANT_MESSAGE}`,
      },
    }),
  );
}
