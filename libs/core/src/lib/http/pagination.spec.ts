import { ProblemException } from './problem';
import { decodeCursor, encodeCursor, toPage } from './pagination';

const isPosition = (value: unknown): value is { id: string } =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';

describe('cursor pagination', () => {
  it('round-trips a position through an opaque cursor', () => {
    const cursor = encodeCursor({ id: 'abc', value: '2026-12-01T00:00:00.000Z' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, isPosition)).toEqual({
      id: 'abc',
      value: '2026-12-01T00:00:00.000Z',
    });
  });

  it.each(['', 'not base64 json', encodeCursor({ nope: 1 }), encodeCursor([1, 2])])(
    'refuses a bad cursor %j with a 400 naming the field',
    (cursor) => {
      try {
        decodeCursor(cursor, isPosition);
        throw new Error('decodeCursor accepted a bad cursor');
      } catch (error) {
        expect(error).toBeInstanceOf(ProblemException);
        expect((error as ProblemException).getStatus()).toBe(400);
        expect((error as ProblemException).extras.errors).toEqual([
          expect.objectContaining({ field: 'cursor' }),
        ]);
      }
    },
  );

  it('cuts the look-ahead row and points the cursor at the last item', () => {
    const page = toPage(
      [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      2,
      (row) => row.id,
      (row) => ({ id: row.id }),
    );
    expect(page.items).toEqual(['a', 'b']);
    expect(decodeCursor(page.nextCursor!, isPosition)).toEqual({ id: 'b' });
  });

  it('has no next cursor on the last page', () => {
    expect(
      toPage(
        [{ id: 'a' }],
        2,
        (row) => row.id,
        (row) => row,
      ).nextCursor,
    ).toBeNull();
  });
});
