/**
 * A database problem at start that an operator must fix (a directory in use, a migration lock
 * held too long): the app stops with this message alone, no stack.
 */
export class DatabaseStartupError extends Error {}
