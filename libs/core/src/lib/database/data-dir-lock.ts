import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseStartupError } from './startup-error';

export const LOCK_FILE = 'task-api.lock';

/** Another live process has the embedded database's directory open. */
export class DataDirInUseError extends DatabaseStartupError {}

export interface DataDirLock {
  release(): void;
}

/**
 * One process per embedded data directory: two PGlite instances on one directory corrupt it
 * silently (index and heap disagree). The lock is a file holding the owner's pid, put in place
 * with link(2), which fails if it exists, so it never appears empty; a lock whose process is
 * gone (killed, crashed) is stale and taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  const candidate = `${path}.${process.pid}`;
  writeFileSync(candidate, String(process.pid));
  try {
    return { release: acquire(dataDir, path, candidate) };
  } finally {
    unlinkSync(candidate);
  }
}

function acquire(dataDir: string, path: string, candidate: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      linkSync(candidate, path);
      return () => releaseIfOurs(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(path);
      if (owner !== undefined && isAlive(owner)) {
        throw new DataDirInUseError(
          `The embedded database directory ${resolve(dataDir)} is in use by process ${owner}; ` +
            'one process per directory (stop it, or set PGLITE_DATA_DIR or DATABASE_URL).',
        );
      }
      // Stale: its process is gone. Remove it and try again (another starter may race us).
      try {
        unlinkSync(path);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
      }
    }
  }
  throw new DataDirInUseError(`Could not lock the embedded database directory ${resolve(dataDir)}`);
}

function readOwner(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseIfOurs(path: string): void {
  if (readOwner(path) === process.pid) unlinkSync(path);
}
