import { Task } from '@task-api/core';

/** Every library's entities, for the TypeORM CLI and the schema drift check. */
export const entities = [Task];
