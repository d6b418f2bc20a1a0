/** SQLSTATE codes the API answers with a client error rather than a 500. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_CHECK_VIOLATION = '23514';
export const PG_NOT_NULL_VIOLATION = '23502';
export const PG_INVALID_TEXT_REPRESENTATION = '22P02';

/** Class 22, "data exception": a value the database cannot take (bad text, out of range...). */
const DATA_EXCEPTION = /^22/;

/**
 * The database is there but cannot serve now: too many connections, statement or lock timeout,
 * and serialization failures or deadlocks still failing after their retries.
 */
const BUSY_SQLSTATES = new Set(['53300', '57014', '55P03', '40001', '40P01']);

/** Classes 08 (connection exception) and 57P (operator intervention) mean "database gone". */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-3])/;
const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'connection timeout',
  'Client has encountered a connection error',
  'Connection ended',
  'timeout exceeded when trying to connect',
];

/** Walks `cause` / `driverError` chains (TypeORM wraps pg errors in QueryFailedError). */
function* errorChain(error: unknown): Generator<Record<string, unknown>> {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const record = current as Record<string, unknown>;
    yield record;
    current = record.driverError ?? record.cause;
  }
}

export function sqlState(error: unknown): string | undefined {
  for (const link of errorChain(error)) {
    if (typeof link.code === 'string' && /^[0-9A-Z]{5}$/.test(link.code)) return link.code;
  }
  return undefined;
}

/** The constraint a violation names, e.g. `tags_name_lower_key`. */
export function violatedConstraint(error: unknown): string | undefined {
  for (const link of errorChain(error)) {
    if (typeof link.constraint === 'string') return link.constraint;
  }
  return undefined;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const link of errorChain(error)) {
    const code = typeof link.code === 'string' ? link.code : '';
    const message = typeof link.message === 'string' ? link.message : '';
    if (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_NODE_CODES.has(code)) return true;
    if (UNAVAILABLE_MESSAGES.some((text) => message.includes(text))) return true;
  }
  return false;
}

/** A value the client sent that the database refused as data (SQLSTATE class 22). */
export function isDataException(error: unknown): boolean {
  return DATA_EXCEPTION.test(sqlState(error) ?? '');
}

export function isDatabaseBusy(error: unknown): boolean {
  return BUSY_SQLSTATES.has(sqlState(error) ?? '');
}
