import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from '@js-temporal/polyfill';

/**
 * RFC 5545 recurrence rules, evaluated with `rrule-temporal` in the rule's time zone with the
 * semantics of SPEC §8: wall-clock time is kept across DST changes, invalid dates are skipped
 * (`BYMONTHDAY=31` skips 30-day months), a local time in a DST gap moves forward by the gap and
 * an ambiguous one takes its first instance.
 *
 * The rule is evaluated in floating wall-clock time (DTSTART is the local wall time, written
 * as if it were UTC, so the library never sees a DST change), and each wall time is then
 * placed in the zone with Temporal's `disambiguation: 'compatible'`, which is exactly "gap →
 * forward by the gap, ambiguous → first instance". Evaluated in the zone itself, the library
 * drops an occurrence in the gap instead. `UNTIL` is a UTC instant, so it is compared after that
 * mapping (inclusive, as RFC 5545 says), not by the library.
 */

/** Why a rule or zone was refused: the message of the 400 naming the field. */
export class RecurrenceRuleError extends Error {}

const WEEKDAY = '(MO|TU|WE|TH|FR|SA|SU)';
const FREQUENCIES = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY'] as const;

/** An integer list whose values lie in ±[1, max] (`signed`) or [min, max]. */
const integerList =
  (min: number, max: number, signed = false) =>
  (value: string): boolean =>
    value.split(',').every((item) => {
      if (!/^[+-]?\d{1,3}$/.test(item)) return false;
      const n = Number(item);
      return signed ? n !== 0 && Math.abs(n) <= max : /^\d+$/.test(item) && n >= min && n <= max;
    });

/** The rule parts of RFC 5545 §3.3.10 with their value grammar (RSCALE and SKIP left out). */
const PARTS: Record<string, (value: string) => boolean> = {
  FREQ: (value) => (FREQUENCIES as readonly string[]).includes(value),
  INTERVAL: (value) => /^\d{1,4}$/.test(value) && Number(value) >= 1,
  COUNT: (value) => /^\d{1,5}$/.test(value) && Number(value) >= 1,
  UNTIL: (value) => /^\d{8}T\d{6}Z$/.test(value) && untilInstant(value) !== undefined,
  BYSECOND: integerList(0, 60),
  BYMINUTE: integerList(0, 59),
  BYHOUR: integerList(0, 23),
  BYDAY: (value) =>
    value.split(',').every((item) => {
      const match = new RegExp(`^([+-]?\\d{1,2})?${WEEKDAY}$`).exec(item);
      return match !== null && (match[1] === undefined || integerList(1, 53, true)(match[1]));
    }),
  BYMONTHDAY: integerList(1, 31, true),
  BYYEARDAY: integerList(1, 366, true),
  BYWEEKNO: integerList(1, 53, true),
  BYMONTH: integerList(1, 12),
  BYSETPOS: integerList(1, 366, true),
  WKST: (value) => new RegExp(`^${WEEKDAY}$`).test(value),
};

/** A rule checked against the grammar, split into what the library evaluates and `UNTIL`. */
export interface ParsedRule {
  /** The rule without `UNTIL`, for the library. */
  floating: string;
  /** The last instant an occurrence may have, if the rule has `UNTIL`. */
  until?: Date;
}

/** Parses an RRULE value (`FREQ=WEEKLY;BYDAY=MO,TH`); throws `RecurrenceRuleError` if invalid. */
export function parseRule(rule: string): ParsedRule {
  const parts = new Map<string, string>();
  for (const part of rule.split(';')) {
    const [name, value, ...rest] = part.split('=');
    if (rest.length > 0 || value === undefined || value === '') {
      throw new RecurrenceRuleError(`"${part}" is not a NAME=VALUE rule part`);
    }
    if (!(name in PARTS)) throw new RecurrenceRuleError(`${name} is not a supported rule part`);
    if (parts.has(name)) throw new RecurrenceRuleError(`${name} appears twice`);
    if (!PARTS[name](value)) throw new RecurrenceRuleError(`${name}=${value} is not valid`);
    parts.set(name, value);
  }
  if (!parts.has('FREQ')) {
    throw new RecurrenceRuleError(
      `needs FREQ (${FREQUENCIES.join(', ')}); tasks recur at most hourly`,
    );
  }
  if (parts.has('COUNT') && parts.has('UNTIL')) {
    throw new RecurrenceRuleError('COUNT and UNTIL cannot both be given');
  }
  const until = parts.get('UNTIL');
  parts.delete('UNTIL');
  return {
    floating: [...parts].map(([name, value]) => `${name}=${value}`).join(';'),
    until: until === undefined ? undefined : untilInstant(until),
  };
}

/** The canonical name of an IANA zone (`europe/berlin` → `Europe/Berlin`); throws if unknown. */
export function canonicalTimeZone(zone: string): string {
  // Offsets (`+01:00`) are time zones to Temporal, but not IANA zones: no DST to follow.
  if (!/^[A-Za-z]/.test(zone)) throw new RecurrenceRuleError('is not an IANA time zone');
  try {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions()
      .timeZone;
    Temporal.Now.zonedDateTimeISO(canonical);
    return canonical;
  } catch {
    throw new RecurrenceRuleError('is not an IANA time zone (such as Europe/Berlin)');
  }
}

/** A rule as a task carries it: the rule, its zone and its first occurrence (DTSTART). */
export interface RecurrenceSchedule {
  rule: string;
  timezone: string;
  startsAt: Date;
}

/**
 * Wall times of a repeated hour map to its first instance, so up to one hour of occurrences may
 * come out before `after`: at most 60 minutes × 61 seconds of them (BYMINUTE and BYSECOND lists).
 */
const MAX_STEPS = 60 * 61 + 1;

/**
 * The first occurrence strictly after `after`, or `null` when the rule has none (COUNT or
 * UNTIL reached, or none within the library's bound of 10,000 periods of its frequency).
 */
export function nextOccurrence(schedule: RecurrenceSchedule, after: Date): Date | null {
  const { floating, until } = parseRule(schedule.rule);
  const evaluator = evaluatorOf(schedule, floating);
  let wall = floatingDate(wallTimeOf(after, schedule.timezone));
  for (let step = 0; step < MAX_STEPS; step++) {
    let candidate: Temporal.ZonedDateTime | null;
    try {
      candidate = evaluator.next(wall, false);
    } catch {
      return null; // the library's bound: no occurrence within 10,000 periods
    }
    if (!candidate) return null;
    const instant = instantOf(candidate.toPlainDateTime(), schedule.timezone);
    if (until && instant > until) return null;
    // Wall times of a repeated hour map to its first instance: they may not be after `after`.
    if (instant > after) return instant;
    wall = new Date(candidate.epochMilliseconds);
  }
  return null;
}

/**
 * Refuses a rule that has no occurrence at all from `startsAt` on (the search would find none
 * within its bound), so that every recurrence accepted can be evaluated.
 */
export function assertHasOccurrence(schedule: RecurrenceSchedule): void {
  const { floating } = parseRule(schedule.rule);
  const evaluator = evaluatorOf(schedule, floating);
  try {
    if (evaluator.next(floatingDate(wallTimeOf(schedule.startsAt, schedule.timezone)), true)) {
      return;
    }
  } catch {
    // the library's bound was reached: the rule never produces an occurrence
  }
  throw new RecurrenceRuleError(
    'has no occurrence from the task’s due date on (within 10,000 periods of its frequency)',
  );
}

/** Checks the rule and zone as the library evaluates them, with the RFC's MUST rules enforced. */
export function validateSchedule(schedule: RecurrenceSchedule): void {
  const { floating } = parseRule(schedule.rule);
  try {
    evaluatorOf(schedule, floating);
  } catch (error) {
    throw new RecurrenceRuleError(error instanceof Error ? error.message : String(error));
  }
}

function evaluatorOf(
  schedule: RecurrenceSchedule,
  floating: string,
): RRuleTemporal<Temporal.ZonedDateTime> {
  const start = wallTimeOf(schedule.startsAt, schedule.timezone);
  return new RRuleTemporal({
    rruleString: floating,
    dtstart: start.toZonedDateTime('UTC'),
    strict: true,
    temporal: Temporal,
  });
}

/** The local wall time of an instant in a zone. */
function wallTimeOf(instant: Date, zone: string): Temporal.PlainDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(zone)
    .toPlainDateTime();
}

/** A wall time written as if it were UTC: how the floating evaluation carries it. */
const floatingDate = (wall: Temporal.PlainDateTime): Date =>
  new Date(wall.toZonedDateTime('UTC').epochMilliseconds);

/** A wall time placed in the zone: a gap moves forward by the gap, an overlap takes the first. */
function instantOf(wall: Temporal.PlainDateTime, zone: string): Date {
  return new Date(wall.toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds);
}

function untilInstant(value: string): Date | undefined {
  const iso = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}T${value.slice(9, 11)}:${value.slice(11, 13)}:${value.slice(13, 15)}Z`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 19) !== iso.slice(0, 19)
    ? undefined
    : date;
}
