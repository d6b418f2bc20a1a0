import { MigrationClass, coreMigrations } from '@task-api/core';
import { remindersMigrations } from '@task-api/reminders';
import { tagsMigrations } from '@task-api/tags';

/** The migrations of every library, as one list in timestamp order (their class names end in it). */
export function allMigrations(...libraries: MigrationClass[][]): MigrationClass[] {
  const timestampOf = (migration: MigrationClass) =>
    Number(/(\d{13})$/.exec(migration.name)?.[1] ?? 0);
  return libraries.flat().sort((a, b) => timestampOf(a) - timestampOf(b));
}

export const migrations = allMigrations(coreMigrations, tagsMigrations, remindersMigrations);
