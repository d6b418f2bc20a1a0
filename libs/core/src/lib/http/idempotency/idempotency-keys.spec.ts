import { ProblemException } from '../problem';
import { canonicalJson, parseIdempotencyKey, requestFingerprint } from './idempotency-keys';

describe(parseIdempotencyKey.name, () => {
  it.each([
    ['8e03978e-40d5-43e8-bc93-6894a57f9324', '8e03978e-40d5-43e8-bc93-6894a57f9324'],
    ['"8e03978e-40d5-43e8-bc93-6894a57f9324"', '8e03978e-40d5-43e8-bc93-6894a57f9324'],
    ['  order 42  ', 'order 42'],
    ['k'.repeat(255), 'k'.repeat(255)],
  ])('reads %j as %j', (header, key) => {
    expect(parseIdempotencyKey(header)).toBe(key);
  });

  it('treats an absent header as no key', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['an empty string', '""'],
    ['too long', 'k'.repeat(256)],
    ['a control character', 'a\u0000b'],
    ['non-ASCII', 'clé'],
    ['an inner quote', '"a"b"'],
    ['a backslash', 'a\\b'],
    ['sent twice', ['a', 'b']],
  ])('refuses a key that is %s', (_, header) => {
    expect(() => parseIdempotencyKey(header)).toThrow(ProblemException);
  });
});

describe(requestFingerprint.name, () => {
  const fingerprint = (body: unknown, method = 'POST', url = '/tasks') =>
    requestFingerprint(method, url, body);

  it('ignores the order of object keys, at every depth', () => {
    expect(fingerprint({ a: 1, b: { c: [1, { d: 2, e: 3 }] } })).toBe(
      fingerprint({ b: { c: [1, { e: 3, d: 2 }] }, a: 1 }),
    );
    expect(canonicalJson({ b: [2, 1], a: null })).toBe('{"a":null,"b":[2,1]}');
  });

  it('tells apart bodies, array orders, paths and methods', () => {
    const base = fingerprint({ title: 'a', tags: ['x', 'y'] });
    expect(fingerprint({ title: 'b', tags: ['x', 'y'] })).not.toBe(base);
    expect(fingerprint({ title: 'a', tags: ['y', 'x'] })).not.toBe(base);
    expect(fingerprint({ title: 'a', tags: ['x', 'y'] }, 'POST', '/tags')).not.toBe(base);
    expect(fingerprint({ title: 'a', tags: ['x', 'y'] }, 'PUT')).not.toBe(base);
    expect(fingerprint(undefined)).not.toBe(fingerprint({}));
  });
});
