import { allMigrations, coreMigrations } from '@task-api/core';
import { features } from './features';

/** The migrations of core and of every feature of `features`, in timestamp order. */
export const migrations = allMigrations(
  coreMigrations,
  ...features.map((feature) => feature.migrations),
);
