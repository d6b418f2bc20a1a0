import type { MigrationClass } from '@task-api/core';
import { CreateRecurrence1796025517886 } from './1796025517886-CreateRecurrence';

/**
 * The recurrence library's migrations, run after core's (the app orders every library's
 * by the timestamp their class names end in). Later schema changes are new files here.
 */
export const recurrenceMigrations: MigrationClass[] = [CreateRecurrence1796025517886];
