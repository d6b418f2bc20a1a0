import { INestApplicationContext, Injectable, Logger } from '@nestjs/common';

/**
 * Where the process stands in its stop. At SIGTERM it begins draining: readiness answers 503,
 * every HTTP response closes its connection, background work stops taking new work. The
 * modules' shutdown hooks then finish what is in flight.
 */
@Injectable()
export class Shutdown {
  private readonly listeners: (() => void)[] = [];
  private started = false;

  get draining(): boolean {
    return this.started;
  }

  begin(): void {
    if (this.started) return;
    this.started = true;
    for (const listener of this.listeners) listener();
  }

  /** Called at once when draining begins (or right away if it already has). */
  onDrain(listener: () => void): void {
    if (this.started) listener();
    else this.listeners.push(listener);
  }
}

export interface StopOptions {
  /** After this long the process exits with 1 whatever is still running. */
  timeoutMs: number;
  /** Between the start of draining and closing the app (the HTTP app lets connections drain). */
  drain?: () => Promise<void>;
  /** Last step after the app closed (a worker's probe server). */
  afterClose?: () => Promise<void>;
}

/**
 * The stop, in order: draining begins (not ready, `Connection: close`, no new claims), the
 * connections drain, the app closes (each module finishes its work in flight), then the rest.
 */
export async function stopApp(
  app: INestApplicationContext,
  options: Pick<StopOptions, 'drain' | 'afterClose'> = {},
): Promise<void> {
  app.get(Shutdown).begin();
  await options.drain?.();
  await app.close();
  await options.afterClose?.();
}

/**
 * Stops the app on SIGTERM or SIGINT: drain, close (each module finishes its work in flight),
 * exit 0; exit 1 if that takes longer than the timeout or fails. A second signal changes nothing.
 */
export function stopOnSignals(app: INestApplicationContext, options: StopOptions): void {
  const logger = new Logger('Shutdown');
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    const started = performance.now();
    logger.log(`${signal}: draining, then stopping within ${options.timeoutMs} ms`);
    setTimeout(() => {
      logger.error(`Not stopped after ${options.timeoutMs} ms: exiting anyway`);
      process.exit(1);
    }, options.timeoutMs).unref();
    try {
      await stopApp(app, options);
      logger.log(`Stopped in ${Math.round(performance.now() - started)} ms`);
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'Stopping failed');
      process.exit(1);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void stop(signal));
}
