import { coreEntities } from '@task-api/core';
import { features } from './features';

/** Every library's entities, for the TypeORM CLI and the schema drift check. */
export const entities = [...coreEntities, ...features.flatMap((feature) => feature.entities)];
