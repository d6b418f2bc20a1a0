import type { MigrationClass } from '@task-api/core';
import { CreateRecurrences1796025517886 } from './1796025517886-CreateRecurrences';

/**
 * The recurrence library's migrations, run after core's (the app orders every library's
 * by the timestamp their class names end in). Later schema changes are new files here.
 */
export const recurrenceMigrations: MigrationClass[] = [CreateRecurrences1796025517886];
