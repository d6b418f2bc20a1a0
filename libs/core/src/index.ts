export { CoreModule, type CoreModuleOptions } from './lib/core.module';

// Tasks
export { Task, TASK_STATUSES, TASK_PRIORITIES, INSTANT_COLUMN } from './lib/tasks/task.entity';
export type { TaskStatus, TaskPriority } from './lib/tasks/task.entity';
export { TasksService, etagOf } from './lib/tasks/tasks.service';
export { TaskDto, toTaskDto } from './lib/tasks/dto/task.dto';
export { TaskPageDto } from './lib/tasks/tasks.controller';

// Extension point
export {
  TaskExtensions,
  type TaskViewEnricher,
  type TaskListFilter,
  type TaskFilterParameter,
  type TaskChangeListener,
  type TaskChange,
} from './lib/extension/task-extensions';

// HTTP plumbing
export * from './lib/http/problem';
export { ApiIfMatch, assertIfMatch, replyCreated, replyWithEtag } from './lib/http/etag';
export * from './lib/http/postgres-errors';
export { ProblemDetailsFilter } from './lib/http/problem-details.filter';
export { IsInstant, parseInstant, INSTANT_MESSAGE } from './lib/http/instant';
export {
  PageQueryDto,
  PageOf,
  type Page,
  encodeCursor,
  decodeCursor,
  toPage,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
} from './lib/http/pagination';
export {
  UuidParam,
  validatePlain,
  createValidationPipe,
  VALIDATION_OPTIONS,
} from './lib/http/validation';
export {
  ApiProblems,
  ApiQueryFrom,
  ProblemDetailsDto,
  createOpenApiDocument,
} from './lib/http/openapi';
export {
  createApp,
  drainConnections,
  DEFAULT_BODY_LIMIT,
  type HttpOptions,
} from './lib/http/configure-app';
export { commaList } from './lib/tasks/dto/list-tasks-query.dto';

// Database
export {
  DatabaseModule,
  postgresOptions,
  type DatabaseOptions,
  type MigrationClass,
} from './lib/database/database.module';
export {
  startEmbeddedPostgres,
  IN_MEMORY,
  type EmbeddedServer,
} from './lib/database/embedded-postgres';
export { runMigrationsLocked } from './lib/database/migrate';
export { coreMigrations } from './lib/database/migrations';

// Configuration, metrics, lifecycle
export {
  CoreEnvironment,
  EnvironmentError,
  loadEnvironment,
  IntegerVariable,
  BooleanVariable,
  emptyAsUnset,
} from './lib/config/environment';
export { Metrics } from './lib/metrics/metrics';
export { Shutdown, stopApp, stopOnSignals, type StopOptions } from './lib/lifecycle/shutdown';
