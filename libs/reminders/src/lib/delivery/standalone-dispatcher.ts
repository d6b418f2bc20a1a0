import { Task, postgresOptions } from '@task-api/core';
import { DataSource } from 'typeorm';
import { SystemClock } from '../clock';
import { ReminderDelivery } from '../reminder-delivery.entity';
import { Reminder } from '../reminder.entity';
import { DeliveryChannel, LogChannel, WebhookChannel } from './channels';
import { DispatchRepository } from './dispatch.repository';
import { DispatcherOptions, WebhookOptions, resolveDispatcherOptions } from './dispatcher-options';
import { ReminderDispatcher } from './reminder-dispatcher';

export interface StandaloneDispatcherOptions {
  databaseUrl: string;
  /** Its own pool, as a separate process would have. */
  poolSize?: number;
  webhook?: WebhookOptions;
  dispatcher?: Partial<DispatcherOptions>;
}

export interface StandaloneDispatcher {
  dispatcher: ReminderDispatcher;
  dataSource: DataSource;
  /** Stops claiming, lets the batch in flight finish, closes the pool. */
  close(): Promise<void>;
}

/**
 * A dispatcher with its own connection pool and no HTTP server: a dedicated delivery worker
 * (the benchmark runs several), or one of several in a test. The schema must be migrated.
 */
export async function createStandaloneDispatcher(
  options: StandaloneDispatcherOptions,
): Promise<StandaloneDispatcher> {
  const dataSource = await new DataSource({
    ...postgresOptions(options.databaseUrl, [], options.poolSize ?? 10),
    entities: [Task, Reminder, ReminderDelivery],
  }).initialize();
  const resolved = resolveDispatcherOptions(options.dispatcher);
  const clock = new SystemClock();
  const channel: DeliveryChannel = options.webhook
    ? new WebhookChannel(options.webhook, resolved.timeoutMs, clock)
    : new LogChannel();
  const dispatcher = new ReminderDispatcher(
    new DispatchRepository(dataSource),
    channel,
    resolved,
    clock,
  );
  return {
    dispatcher,
    dataSource,
    close: async () => {
      await dispatcher.stop();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}
