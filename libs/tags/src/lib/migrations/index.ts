import type { MigrationClass } from '@task-api/core';
import { TagsOwner1796033643105 } from './1796033643105-TagsOwner';

/**
 * The tags library's own migrations, run after core's. Its tables (`tags`, `task_tags`) were
 * created by core's foundation migration; later changes of them go here, never there.
 */
export const tagsMigrations: MigrationClass[] = [TagsOwner1796033643105];
