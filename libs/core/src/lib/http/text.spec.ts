import { validateSync } from 'class-validator';
import { TextLength, codePointLength, normalizeText, textProblems } from './text';

describe(textProblems.name, () => {
  it('names the field of every string with a NUL or an unpaired surrogate, however deep', () => {
    expect(
      textProblems({ title: 'a\u0000', tags: ['ok', '\ud800'], nested: { note: 'x\udc00' } }, ''),
    ).toEqual([
      { field: 'title', message: 'title must not contain NUL (U+0000)' },
      {
        field: 'tags',
        message: 'tags must be valid Unicode text (it has an unpaired surrogate)',
      },
      {
        field: 'nested.note',
        message: 'nested.note must be valid Unicode text (it has an unpaired surrogate)',
      },
    ]);
  });

  it('accepts surrogate pairs, numbers and null', () => {
    expect(textProblems({ title: '😀', n: 1, none: null }, '')).toEqual([]);
  });

  it('names a path or query parameter by its own name', () => {
    expect(textProblems('\u0000', 'id')).toEqual([
      { field: 'id', message: 'id must not contain NUL (U+0000)' },
    ]);
  });
});

describe(normalizeText.name, () => {
  it('composes every string in objects and arrays, leaving other values alone', () => {
    expect(normalizeText({ a: 'e\u0301', b: ['A\u030a'], c: 3, d: null })).toEqual({
      a: '\u00e9',
      b: ['\u00c5'],
      c: 3,
      d: null,
    });
  });

  it('gives back the very value when it is NFC already, and copies only what changes', () => {
    const body = { title: 'plain', tags: ['café', 'x'], nested: { note: 'n' } };
    expect(normalizeText(body)).toBe(body);
    const changed = normalizeText({ ...body, tags: ['cafe\u0301'] });
    expect(changed.tags).toEqual(['caf\u00e9']);
    expect(changed.nested).toBe(body.nested);
  });

  it('composes a parsed query string too (an object without a prototype)', () => {
    const query = Object.assign(Object.create(null), { q: 'cafe\u0301', tags: ['e\u0301'] });
    expect(normalizeText(query)).toEqual({ q: 'caf\u00e9', tags: ['\u00e9'] });
  });
});

describe(codePointLength.name, () => {
  it.each([
    ['abc', 3],
    ['😀', 1],
    ['a\ufe0f', 2],
    ['e\u0301', 2],
  ])('%j has %i code points', (text, length) => {
    expect(codePointLength(text)).toBe(length);
  });
});

describe(TextLength.name, () => {
  class Named {
    @TextLength(1, 4)
    name: unknown;
  }
  const errors = (name: unknown) =>
    validateSync(Object.assign(new Named(), { name })).flatMap((error) =>
      Object.values(error.constraints ?? {}),
    );

  it('counts code points: 4 emoji fit, 4 variation-selector pairs do not', () => {
    expect(errors('😀😀😀😀')).toEqual([]);
    expect(errors('a\ufe0fa\ufe0f')).toEqual([]);
    expect(errors('a\ufe0fa\ufe0fa')).toEqual([
      'name must be 1 to 4 characters long (Unicode code points)',
    ]);
  });

  it('says empty for an empty string and string for another type', () => {
    expect(errors('')).toEqual(['name must not be empty']);
    expect(errors(4)).toEqual(['name must be a string']);
  });
});
