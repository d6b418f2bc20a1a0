import type { FeatureManifest } from '@task-api/core';
import { remindersFeature } from '@task-api/reminders';
import { tagsFeature } from '@task-api/tags';
import { recurrenceFeature } from '@task-api/recurrence';
import type { Environment } from './config/environment';

/**
 * The feature libraries this app composes, in one list: the app's module imports, entities,
 * migrations, the features table and the OpenAPI document all follow from it. A new feature
 * adds its manifest here (the generator does).
 */
export const features: FeatureManifest<Environment>[] = [
  tagsFeature,
  remindersFeature,
  recurrenceFeature,
];
