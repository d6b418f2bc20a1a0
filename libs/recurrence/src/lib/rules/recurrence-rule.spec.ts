import {
  RecurrenceRuleError,
  RecurrenceSchedule,
  assertHasOccurrence,
  canonicalTimeZone,
  nextOccurrence,
  parseRule,
  validateSchedule,
} from './recurrence-rule';

const BERLIN = 'Europe/Berlin';

/** The occurrences after `startsAt`, one `nextOccurrence` after the other, as RFC 3339 UTC. */
function occurrences(rule: string, startsAt: string, count: number, timezone = BERLIN): string[] {
  const schedule: RecurrenceSchedule = { rule, timezone, startsAt: new Date(startsAt) };
  const found: string[] = [];
  let after = schedule.startsAt;
  for (let i = 0; i < count; i++) {
    const next = nextOccurrence(schedule, after);
    if (!next) break;
    found.push(next.toISOString());
    after = next;
  }
  return found;
}

describe('recurrence rules (rrule-temporal, floating wall time mapped into the zone)', () => {
  describe('wall-clock time in the rule’s zone', () => {
    it('keeps 09:00 local across the spring DST change (Europe/Berlin, +01:00 → +02:00)', () => {
      expect(occurrences('FREQ=DAILY', '2027-03-27T09:00:00+01:00', 2)).toEqual([
        '2027-03-28T07:00:00.000Z', // 09:00 +02:00
        '2027-03-29T07:00:00.000Z',
      ]);
    });

    it('keeps 09:00 local across the autumn DST change (+02:00 → +01:00)', () => {
      expect(occurrences('FREQ=DAILY', '2027-10-30T09:00:00+02:00', 2)).toEqual([
        '2027-10-31T08:00:00.000Z', // 09:00 +01:00
        '2027-11-01T08:00:00.000Z',
      ]);
    });

    it('keeps wall time in the southern hemisphere too (Australia/Sydney, April fall-back)', () => {
      expect(
        occurrences('FREQ=WEEKLY', '2027-03-29T08:00:00+11:00', 2, 'Australia/Sydney'),
      ).toEqual(['2027-04-04T22:00:00.000Z', '2027-04-11T22:00:00.000Z']); // 08:00 +10:00
    });

    it('moves a local time in the DST gap forward by the gap: 02:30 → 03:30 +02:00', () => {
      expect(occurrences('FREQ=DAILY', '2027-03-27T02:30:00+01:00', 2)).toEqual([
        '2027-03-28T01:30:00.000Z', // 03:30 +02:00: 02:30 does not exist that day
        '2027-03-29T00:30:00.000Z', // 02:30 +02:00 again
      ]);
    });

    it('takes the first instance of an ambiguous local time: 02:30 +02:00, not +01:00', () => {
      expect(occurrences('FREQ=DAILY', '2027-10-30T02:30:00+02:00', 2)).toEqual([
        '2027-10-31T00:30:00.000Z', // 02:30 +02:00, the first of the two 02:30s
        '2027-11-01T01:30:00.000Z', // 02:30 +01:00
      ]);
    });

    it('is not fooled by a due date inside the repeated hour: the next is after it', () => {
      const schedule = {
        rule: 'FREQ=HOURLY',
        timezone: BERLIN,
        startsAt: new Date('2027-10-30T20:00:00Z'),
      };
      // 02:00 +01:00 is the second 02:00; its wall time 02:00 also names 00:00Z, which is before.
      expect(nextOccurrence(schedule, new Date('2027-10-31T01:00:00Z'))?.toISOString()).toBe(
        '2027-10-31T02:00:00.000Z',
      );
    });
  });

  describe('invalid dates are skipped (RFC 5545)', () => {
    it('BYMONTHDAY=31 skips the months without a 31st', () => {
      expect(occurrences('FREQ=MONTHLY;BYMONTHDAY=31', '2027-01-31T09:00:00+01:00', 3)).toEqual([
        '2027-03-31T07:00:00.000Z',
        '2027-05-31T07:00:00.000Z',
        '2027-07-31T07:00:00.000Z',
      ]);
    });

    it('BYMONTHDAY=-1 is the last day of every month, 29 February in a leap year', () => {
      expect(occurrences('FREQ=MONTHLY;BYMONTHDAY=-1', '2027-12-31T09:00:00+01:00', 4)).toEqual([
        '2028-01-31T08:00:00.000Z',
        '2028-02-29T08:00:00.000Z',
        '2028-03-31T07:00:00.000Z',
        '2028-04-30T07:00:00.000Z',
      ]);
    });

    it('a yearly 29 February waits for the next leap year', () => {
      expect(
        occurrences('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', '2028-02-29T09:00:00Z', 2, 'UTC'),
      ).toEqual(['2032-02-29T09:00:00.000Z', '2036-02-29T09:00:00.000Z']);
    });

    it('weekly on Monday and Thursday', () => {
      expect(occurrences('FREQ=WEEKLY;BYDAY=MO,TH', '2027-01-04T09:00:00+01:00', 3)).toEqual([
        '2027-01-07T08:00:00.000Z',
        '2027-01-11T08:00:00.000Z',
        '2027-01-14T08:00:00.000Z',
      ]);
    });
  });

  describe('COUNT and UNTIL', () => {
    it('COUNT counts DTSTART: after the third occurrence there is none', () => {
      expect(occurrences('FREQ=DAILY;COUNT=3', '2027-01-01T09:00:00Z', 5, 'UTC')).toEqual([
        '2027-01-02T09:00:00.000Z',
        '2027-01-03T09:00:00.000Z',
      ]);
    });

    it('UNTIL is inclusive: an occurrence at exactly UNTIL is the last one', () => {
      expect(
        occurrences('FREQ=DAILY;UNTIL=20270103T080000Z', '2027-01-01T09:00:00+01:00', 5),
      ).toEqual(['2027-01-02T08:00:00.000Z', '2027-01-03T08:00:00.000Z']);
    });

    it('UNTIL is compared with the occurrence as placed in the zone (after the gap moved it)', () => {
      // 02:30 on 28 March is placed at 03:30 +02:00 = 01:30Z, after an UNTIL of 01:00Z.
      expect(
        occurrences('FREQ=DAILY;UNTIL=20270328T010000Z', '2027-03-27T02:30:00+01:00', 5),
      ).toEqual([]);
      expect(
        occurrences('FREQ=DAILY;UNTIL=20270328T013000Z', '2027-03-27T02:30:00+01:00', 5),
      ).toEqual(['2027-03-28T01:30:00.000Z']);
    });
  });

  describe('validation', () => {
    it.each([
      ['', /NAME=VALUE/],
      ['FREQ=DAILY;;', /NAME=VALUE/],
      ['BYDAY=MO', /needs FREQ/],
      ['FREQ=MINUTELY', /FREQ=MINUTELY is not valid/],
      ['FREQ=SECONDLY', /FREQ=SECONDLY is not valid/],
      ['FREQ=DAILY;FREQ=WEEKLY', /appears twice/],
      ['FREQ=DAILY;X-NAME=1', /not a supported rule part/],
      ['FREQ=DAILY;RSCALE=HEBREW', /not a supported rule part/],
      ['FREQ=DAILY;COUNT=0', /COUNT=0 is not valid/],
      ['FREQ=DAILY;INTERVAL=0', /INTERVAL=0 is not valid/],
      ['FREQ=MONTHLY;BYMONTHDAY=32', /BYMONTHDAY=32/],
      ['FREQ=MONTHLY;BYMONTHDAY=0', /BYMONTHDAY=0/],
      ['FREQ=DAILY;BYHOUR=24', /BYHOUR=24/],
      ['FREQ=WEEKLY;BYDAY=XX', /BYDAY=XX/],
      ['FREQ=WEEKLY;BYDAY=MO,', /BYDAY=MO,/],
      ['FREQ=DAILY;UNTIL=20270101', /UNTIL=20270101 is not valid/],
      ['FREQ=DAILY;UNTIL=20270230T000000Z', /UNTIL=20270230T000000Z/],
      ['FREQ=DAILY;COUNT=2;UNTIL=20270101T000000Z', /COUNT and UNTIL/],
      ['freq=daily', /not a supported rule part/],
    ])('refuses %p', (rule, message) => {
      expect(() => parseRule(rule)).toThrow(RecurrenceRuleError);
      expect(() => parseRule(rule)).toThrow(message);
    });

    it('enforces the RFC’s combination rules through the library (BYWEEKNO only yearly)', () => {
      const schedule = { rule: 'FREQ=DAILY;BYWEEKNO=3', timezone: 'UTC', startsAt: new Date() };
      expect(() => validateSchedule(schedule)).toThrow(RecurrenceRuleError);
    });

    it('refuses a rule without any occurrence, in bounded time, and finds no next one', () => {
      const schedule = {
        rule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
        timezone: 'UTC',
        startsAt: new Date('2027-01-01T09:00:00Z'),
      };
      expect(() => assertHasOccurrence(schedule)).toThrow(/has no occurrence/);
      expect(nextOccurrence(schedule, schedule.startsAt)).toBeNull();
      expect(() =>
        assertHasOccurrence({ ...schedule, rule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29' }),
      ).not.toThrow();
    });

    it('accepts IANA zones in their canonical spelling and refuses the rest', () => {
      expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
      expect(canonicalTimeZone('UTC')).toBe('UTC');
      for (const zone of ['Mars/Olympus', '+01:00', '-05:00', '', 'Europe/Berlin\u0000']) {
        expect(() => canonicalTimeZone(zone)).toThrow(RecurrenceRuleError);
      }
    });
  });
});
