/** A one-line progress bar on a terminal; plain lines (one per step) in CI logs. */
export function progress(label: string, done: number, total: number): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
  const line = `  ${label} [${bar}] ${done.toLocaleString('en')}/${total.toLocaleString('en')}`;
  if (process.stderr.isTTY) {
    process.stderr.write(`\r${line}${done >= total ? '\n' : ''}`);
  } else {
    process.stderr.write(`${line}\n`);
  }
}

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
