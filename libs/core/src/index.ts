export { CoreModule, coreEntities, type CoreModuleOptions } from './lib/core.module';

// Tasks
export { Task, TASK_STATUSES, TASK_PRIORITIES } from './lib/tasks/task.entity';
export { INSTANT_COLUMN } from './lib/database/columns';
export type { TaskStatus, TaskPriority } from './lib/tasks/task.entity';
export {
  TasksService,
  TaskViewPage,
  type TaskPageRequest,
  type OwnedTaskView,
} from './lib/tasks/tasks.service';
export { TASK_ORDERS, type TaskChanges, type TaskLock } from './lib/tasks/tasks.repository';
export { TaskDto, toTaskDto } from './lib/tasks/dto/task.dto';
export { TaskPageDto } from './lib/tasks/tasks.controller';

// Identity: who asks, and what is theirs
export { CurrentUser, AdministratorOnly } from './lib/identity/current-user';
export { ownedTask } from './lib/identity/ownership';
export { User } from './lib/identity/user.entity';
export { ApiToken } from './lib/identity/api-token.entity';
export { Authenticator, bearerToken } from './lib/identity/authenticator';
export { UsersService } from './lib/identity/users.service';
export { TokensService } from './lib/identity/tokens.service';
export { UserDto, CreatedUserDto } from './lib/identity/dto/user.dto';
export { TokenDto, CreatedTokenDto } from './lib/identity/dto/token.dto';
export { DEFAULT_CREDENTIAL_TTL_MS } from './lib/identity/credential-cache';
export type { IdentityOptions, OidcOptions } from './lib/identity/identity-options';

// Extension point
export {
  TaskExtensions,
  TaskContribution,
  type TaskContributionOptions,
  type TaskViewField,
  type TaskListFilter,
  type TaskChangeListener,
  type TaskChangeAmender,
  type TaskChange,
} from './lib/extension/task-extensions';
export type { FeatureManifest } from './lib/extension/feature-manifest';

// HTTP plumbing
export * from './lib/http/problem';
export {
  ApiIfMatch,
  ApiReadEtag,
  IfMatch,
  Tagged,
  assertIfMatch,
  etagOf,
  etagOfJson,
} from './lib/http/etag';
export * from './lib/http/postgres-errors';
export { ProblemDetailsFilter } from './lib/http/problem-details.filter';
export {
  IsInstant,
  parseInstant,
  isInstantInRange,
  INSTANT_MESSAGE,
  FIRST_INSTANT,
  LAST_INSTANT,
} from './lib/http/instant';
export { Label, TextLength, codePointLength } from './lib/http/text';
export {
  PageQueryDto,
  PageOf,
  type Page,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
} from './lib/http/pagination';

// Sorting and paging of every list
export {
  Keyset,
  keyset,
  namedParameters,
  INSTANT_KEY,
  type KeysetDefinition,
  type KeyType,
  type KeyValue,
  type SortKey,
  type Position,
  type BindParameter,
} from './lib/query/keyset';
export { Sql, sql, raw, joinSql, jsonInstant, escapeLike, EMPTY_SQL } from './lib/query/sql';
export {
  UuidParam,
  commaList,
  validatePlain,
  createValidationPipe,
  VALIDATION_OPTIONS,
} from './lib/http/validation';
export { acceptedInstance, fastPathHandles } from './lib/http/dto-plan';
export { ApiProblems, ProblemDetailsDto, createOpenApiDocument } from './lib/http/openapi';
export {
  ApiQueryFrom,
  documentedProperties,
  queryParametersOf,
} from './lib/http/openapi-parameters';
export { JsonText, jsonPage } from './lib/http/json-text';
export {
  createApp,
  drainConnections,
  DEFAULT_BODY_LIMIT,
  type HttpOptions,
} from './lib/http/configure-app';
export type { EdgeOptions } from './lib/http/edge-options';
export { principalKey, isPublicPath, type Principal } from './lib/http/principal';
export { IdempotencyRecord } from './lib/http/idempotency/idempotency-record.entity';

// Database
export {
  DatabaseModule,
  postgresOptions,
  type DatabaseOptions,
  type MigrationClass,
  allMigrations,
} from './lib/database/database.module';
export {
  startEmbeddedPostgres,
  IN_MEMORY,
  type EmbeddedServer,
} from './lib/database/embedded-postgres';
export { runMigrationsLocked, MigrationLockTimeoutError } from './lib/database/migrate';
export { runStatement } from './lib/database/statements';
export { SqlRepository } from './lib/database/sql-repository';
export { DatabaseStartupError } from './lib/database/startup-error';
export { DataDirInUseError } from './lib/database/data-dir-lock';
export { DEFAULT_TIMEOUTS, type DatabaseTimeouts } from './lib/database/database-timeouts';
export { coreMigrations } from './lib/database/migrations';

// Configuration, metrics, lifecycle
export {
  CoreEnvironment,
  databaseOptionsFrom,
  identityOptionsFrom,
  EnvironmentError,
  loadEnvironment,
  IntegerVariable,
  BooleanVariable,
  emptyAsUnset,
} from './lib/config/environment';
export { Metrics } from './lib/metrics/metrics';
export { Shutdown, stopApp, stopOnSignals, type StopOptions } from './lib/lifecycle/shutdown';
