import { Foundation1764450000000 } from './1764450000000-Foundation';
import { TasksDueAtDescendingIndex1795990188563 } from './1795990188563-TasksDueAtDescendingIndex';
import { IdempotencyKeys1796021502348 } from './1796021502348-IdempotencyKeys';
import { Identity1796033643103 } from './1796033643103-Identity';
import { TasksOwnerIndexes1796033643104 } from './1796033643104-TasksOwnerIndexes';

/** Core's migrations; the app runs them with every feature's, as one list ordered by timestamp. */
export const coreMigrations = [
  Foundation1764450000000,
  TasksDueAtDescendingIndex1795990188563,
  IdempotencyKeys1796021502348,
  Identity1796033643103,
  TasksOwnerIndexes1796033643104,
];
