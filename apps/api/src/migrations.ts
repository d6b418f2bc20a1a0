import { MigrationClass, coreMigrations } from '@task-api/core';
import { features } from './features';

/** The migrations of every library, as one list in timestamp order (their class names end in it). */
export function allMigrations(...libraries: (readonly MigrationClass[])[]): MigrationClass[] {
  const timestampOf = (migration: MigrationClass) =>
    Number(/(\d{13})$/.exec(migration.name)?.[1] ?? 0);
  return libraries.flat().sort((a, b) => timestampOf(a) - timestampOf(b));
}

export const migrations = allMigrations(
  coreMigrations,
  ...features.map((feature) => feature.migrations),
);
