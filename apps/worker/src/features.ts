import type { FeatureManifest } from '@task-api/core';
import { recurrenceFeature } from '@task-api/recurrence';
import { remindersFeature } from '@task-api/reminders';
import { tagsFeature } from '@task-api/tags';
import type { WorkerEnvironment } from './config/environment';

/**
 * The feature libraries the worker composes: the same as the API's (`apps/api/src/features.ts`),
 * so that a webhook carries the task exactly as the API shows it. The generator adds a new
 * feature to both lists.
 */
export const features: FeatureManifest<WorkerEnvironment>[] = [
  tagsFeature,
  remindersFeature,
  recurrenceFeature,
];
