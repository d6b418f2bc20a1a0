import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';

/**
 * RFC 3339 date-time with a mandatory offset: `2026-12-01T09:00:00Z`, `...+02:00`.
 * A naive `2026-12-01T09:00:00` has no meaning for a reminder, so it is refused.
 */
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;

const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Parses a strict RFC 3339 instant; `undefined` for anything else, including Feb 30 or 25:00. */
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
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export const INSTANT_MESSAGE =
  'must be an RFC 3339 instant with a time-zone offset, e.g. 2026-12-01T09:00:00Z';

/**
 * Marks a DTO property as an instant: the string is parsed to a `Date` before validation, and
 * anything that did not parse (left as the original value) fails with a clear message.
 */
export function IsInstant(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) =>
      value === null || value === undefined ? value : (parseInstant(value) ?? value),
    ),
    ValidateBy({
      name: 'isInstant',
      validator: {
        validate: (value) => value instanceof Date,
        defaultMessage: () => INSTANT_MESSAGE,
      },
    }),
  );
}
