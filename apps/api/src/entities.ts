import { IdempotencyRecord, Task } from '@task-api/core';
import { features } from './features';

/** Every library's entities, for the TypeORM CLI and the schema drift check. */
export const entities = [
  Task,
  IdempotencyRecord,
  ...features.flatMap((feature) => feature.entities),
];
