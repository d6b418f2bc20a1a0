import { IntegerVariable, loadEnvironment as load } from '@task-api/core';
import { DeliveryEnvironment } from '@task-api/reminders';
import { IsOptional, IsString } from 'class-validator';

export { EnvironmentError } from '@task-api/core';

/**
 * Every environment variable the API reads: the foundation's (database, logs, stop), the
 * reminders' delivery and its own HTTP server. The README's configuration table mirrors it.
 */
export class Environment extends DeliveryEnvironment {
  @IntegerVariable(0, 65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  HOST = '0.0.0.0';

  @IntegerVariable(1024, 100 * 1024 * 1024)
  BODY_LIMIT_BYTES: number = 100 * 1024;

  /**
   * After SIGTERM, how long the server keeps answering (not ready, `Connection: close`) while
   * clients leave their connections, before it closes the idle ones.
   */
  @IntegerVariable(0, 60_000)
  SHUTDOWN_DRAIN_MS = 1_000;
}

/** Reads and checks the environment at boot; a bad value stops the app naming the variable. */
export function loadEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  return load(Environment, env);
}
