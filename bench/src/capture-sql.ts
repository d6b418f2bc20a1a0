import { appendFileSync } from 'node:fs';
import { Client } from 'pg';

/**
 * Preloaded into an API process (`node -r`) by the EXPLAIN step only: appends every SELECT the
 * app sends through `pg` to the file in `BENCH_SQL_LOG`, with its parameters, so the plans are
 * those of the exact SQL the API runs, not of a copy that could drift from it.
 */
const file = process.env.BENCH_SQL_LOG;
if (file) {
  const original = Client.prototype.query as (...args: unknown[]) => unknown;
  Client.prototype.query = function capture(this: Client, ...args: unknown[]) {
    const [config, values] = args;
    const text = typeof config === 'string' ? config : (config as { text?: string })?.text;
    if (text && /^\s*(WITH|SELECT)\b/i.test(text)) {
      const params = Array.isArray(values) ? values : (config as { values?: unknown[] }).values;
      appendFileSync(file, `${JSON.stringify({ text, values: params ?? [] })}\n`);
    }
    return original.apply(this, args);
  } as typeof Client.prototype.query;
}
