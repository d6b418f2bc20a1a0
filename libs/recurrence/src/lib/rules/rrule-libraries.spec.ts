import { Temporal } from '@js-temporal/polyfill';
import { rrulestr } from 'rrule';
import { RRuleTemporal } from 'rrule-temporal';

/**
 * Why this library evaluates rules with `rrule-temporal` in floating wall time (see the README):
 * the two maintained JavaScript libraries, asked to evaluate in the zone themselves, each break
 * SPEC §8 somewhere; both are right in floating time, and `rrule-temporal` bounds its search.
 * These tests pin what was measured, so an upgrade that changes it shows here.
 */
const BERLIN = 'Europe/Berlin';
const utc = (dates: { toISOString(): string }[]) => dates.map((date) => date.toISOString());

const zonedRruleTemporal = (dtstart: string, rule: string): string[] =>
  new RRuleTemporal({ rruleString: `DTSTART;TZID=${BERLIN}:${dtstart}\nRRULE:${rule}` })
    .all()
    .map((zoned) => new Date(zoned.epochMilliseconds).toISOString());
const zonedRrule = (dtstart: string, rule: string): string[] =>
  utc(rrulestr(`DTSTART;TZID=${BERLIN}:${dtstart}\nRRULE:${rule}`).all());

/** Floating evaluation, each wall time placed in the zone with `disambiguation: 'compatible'`. */
const placed = (walls: string[]): string[] =>
  walls.map((wall) =>
    new Date(
      Temporal.PlainDateTime.from(wall).toZonedDateTime(BERLIN, { disambiguation: 'compatible' })
        .epochMilliseconds,
    ).toISOString(),
  );
const floatingRruleTemporal = (dtstart: string, rule: string): string[] =>
  placed(
    new RRuleTemporal({ rruleString: `DTSTART;TZID=UTC:${dtstart}\nRRULE:${rule}` })
      .all()
      .map((zoned) => zoned.toPlainDateTime().toString()),
  );
const floatingRrule = (dtstart: string, rule: string): string[] =>
  placed(
    rrulestr(`DTSTART:${dtstart}Z\nRRULE:${rule}`)
      .all()
      .map((date) => date.toISOString().slice(0, -1)),
  );

describe('rrule-temporal 2.2.8 and rrule 2.8.1 against SPEC §8', () => {
  const GAP = ['20270327T023000', 'FREQ=DAILY;COUNT=3'] as const; // 28 March: 02:00 → 03:00
  const OVERLAP = ['20271030T023000', 'FREQ=DAILY;COUNT=2'] as const; // 31 October: 03:00 → 02:00
  const SPEC_GAP = [
    '2027-03-27T01:30:00.000Z',
    '2027-03-28T01:30:00.000Z',
    '2027-03-29T00:30:00.000Z',
  ];
  const SPEC_OVERLAP = ['2027-10-30T00:30:00.000Z', '2027-10-31T00:30:00.000Z'];

  it('rrule-temporal in the zone drops the occurrence in the DST gap (SPEC: forward by the gap)', () => {
    expect(zonedRruleTemporal(...GAP)).toEqual([
      '2027-03-27T01:30:00.000Z',
      '2027-03-29T00:30:00.000Z',
      '2027-03-30T00:30:00.000Z',
    ]);
  });

  it('rrule-temporal in the zone takes the first instance and keeps an UNTIL equal to an occurrence', () => {
    expect(zonedRruleTemporal(...OVERLAP)).toEqual(SPEC_OVERLAP);
    expect(zonedRruleTemporal('20270101T090000', 'FREQ=DAILY;UNTIL=20270102T080000Z')).toEqual([
      '2027-01-01T08:00:00.000Z',
      '2027-01-02T08:00:00.000Z',
    ]);
  });

  it('rrule with tzid moves the gap time backward, takes the second instance and drops UNTIL', () => {
    expect(zonedRrule(...GAP)[1]).toBe('2027-03-28T00:30:00.000Z'); // 01:30 +01:00
    expect(zonedRrule(...OVERLAP)[1]).toBe('2027-10-31T01:30:00.000Z'); // 02:30 +01:00
    expect(zonedRrule('20270101T090000', 'FREQ=DAILY;UNTIL=20270102T080000Z')).toEqual([
      '2027-01-01T08:00:00.000Z',
    ]);
  });

  it('in floating wall time both give SPEC §8 exactly: gap forward, first instance', () => {
    expect(floatingRruleTemporal(...GAP)).toEqual(SPEC_GAP);
    expect(floatingRrule(...GAP)).toEqual(SPEC_GAP);
    expect(floatingRruleTemporal(...OVERLAP)).toEqual(SPEC_OVERLAP);
    expect(floatingRrule(...OVERLAP)).toEqual(SPEC_OVERLAP);
  });

  it('both skip invalid dates: BYMONTHDAY=31 and -1', () => {
    for (const evaluate of [floatingRruleTemporal, floatingRrule]) {
      expect(evaluate('20270131T090000', 'FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3')).toEqual([
        '2027-01-31T08:00:00.000Z',
        '2027-03-31T07:00:00.000Z',
        '2027-05-31T07:00:00.000Z',
      ]);
      expect(evaluate('20270131T090000', 'FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3')).toEqual([
        '2027-01-31T08:00:00.000Z',
        '2027-02-28T08:00:00.000Z',
        '2027-03-31T07:00:00.000Z',
      ]);
    }
  });

  it('rrule-temporal bounds the search of a rule that never occurs (rrule runs on to year 9999)', () => {
    const never = new RRuleTemporal({
      rruleString: 'DTSTART;TZID=UTC:20270101T090000\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
    });
    expect(() => never.next()).toThrow(/Maximum iterations/);
  });
});
