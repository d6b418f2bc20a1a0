/**
 * Column options every library's entities share. Instants keep millisecond precision, the
 * precision of a JS Date, so what the API reads back is what it wrote.
 */
export const INSTANT_COLUMN = { type: 'timestamptz', precision: 3 } as const;
