import { Task } from '@task-api/core';
import { Tag, TaskTag } from '@task-api/tags';

/** Every library's entities, for the TypeORM CLI and the schema drift check. */
export const entities = [Task, Tag, TaskTag];
