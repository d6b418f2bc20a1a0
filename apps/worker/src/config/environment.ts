import { IntegerVariable, loadEnvironment as load } from '@task-api/core';
import { DeliveryEnvironment } from '@task-api/reminders';
import { IsDefined, IsOptional, IsString } from 'class-validator';

export { EnvironmentError } from '@task-api/core';

/**
 * Every environment variable the worker reads: the foundation's and the reminders' delivery, as
 * for the API, plus the port of its probes and metrics. `DATABASE_URL` is required: a worker
 * shares a PostgreSQL server with the API processes (embedded PostgreSQL is one process's own).
 */
export class WorkerEnvironment extends DeliveryEnvironment {
  @IsDefined({ message: 'is required: the PostgreSQL server the API processes use' })
  override DATABASE_URL?: string = undefined;

  /** `/health/live`, `/health/ready` and `/metrics`; 0 picks a free port. */
  @IntegerVariable(0, 65535)
  WORKER_PORT = 3001;

  @IsOptional()
  @IsString()
  WORKER_HOST = '0.0.0.0';
}

/** Reads and checks the environment at boot; a bad value stops the worker naming the variable. */
export function loadWorkerEnvironment(env: NodeJS.ProcessEnv = process.env): WorkerEnvironment {
  return load(WorkerEnvironment, env);
}
