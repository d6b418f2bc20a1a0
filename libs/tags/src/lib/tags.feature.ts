import type { FeatureManifest } from '@task-api/core';
import { tagsMigrations } from './migrations';
import { Tag } from './tag.entity';
import { TagsModule } from './tags.module';
import { TaskTag } from './task-tag.entity';

/** The tags feature, as an app composes it. */
export const tagsFeature: FeatureManifest = {
  project: 'tags',
  module: () => TagsModule,
  entities: [Tag, TaskTag],
  migrations: tagsMigrations,
};
