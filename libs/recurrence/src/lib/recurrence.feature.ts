import type { FeatureManifest } from '@task-api/core';
import { recurrenceMigrations } from './migrations';
import { RecurrenceCompletion } from './recurrence-completion.entity';
import { Recurrence } from './recurrence.entity';
import { RecurrenceModule } from './recurrence.module';

/** The recurrence feature, as an app composes it (listed in `apps/api/src/features.ts`). */
export const recurrenceFeature: FeatureManifest = {
  project: 'recurrence',
  module: () => RecurrenceModule,
  entities: [Recurrence, RecurrenceCompletion],
  migrations: recurrenceMigrations,
};
