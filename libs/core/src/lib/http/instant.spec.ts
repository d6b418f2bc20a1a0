import { isInstantInRange, parseInstant } from './instant';

describe(parseInstant.name, () => {
  it.each([
    ['2026-12-01T09:00:00Z', '2026-12-01T09:00:00.000Z'],
    ['2026-12-01T09:00:00.5+02:00', '2026-12-01T07:00:00.500Z'],
    ['2026-12-01t09:00:00.123456789-05:30', '2026-12-01T14:30:00.123Z'],
    ['2028-02-29T23:59:59z', '2028-02-29T23:59:59.000Z'],
  ])('accepts %s as %s', (text, iso) => {
    expect(parseInstant(text)?.toISOString()).toBe(iso);
  });

  it.each([
    ['naive', '2026-12-01T09:00:00'],
    ['date only', '2026-12-01'],
    ['space separator', '2026-12-01 09:00:00Z'],
    ['Feb 30', '2026-02-30T09:00:00Z'],
    ['Feb 29 of a common year', '2027-02-29T09:00:00Z'],
    ['hour 24', '2026-12-01T24:00:00Z'],
    ['minute 60', '2026-12-01T09:60:00Z'],
    ['leap second', '2026-12-31T23:59:60Z'],
    ['offset without colon', '2026-12-01T09:00:00+0200'],
    ['offset hour 24', '2026-12-01T09:00:00+24:00'],
    ['a number', 1764579600000],
    ['garbage', 'tomorrow'],
  ])('refuses %s', (_, value) => {
    expect(parseInstant(value)).toBeUndefined();
  });
});

describe(isInstantInRange.name, () => {
  it.each([
    ['1970-01-01T00:00:00Z', true],
    ['1970-01-01T01:00:00+01:00', true],
    ['1970-01-01T00:59:59.999+01:00', false],
    ['9999-12-31T23:59:59.999Z', true],
    ['9999-12-31T23:59:59-00:01', false],
    ['0000-01-01T00:00:00Z', false],
  ])('%s in 1970–9999: %s', (text, inRange) => {
    const date = parseInstant(text);
    expect(date).toBeInstanceOf(Date);
    expect(isInstantInRange(date as Date)).toBe(inRange);
  });
});
