import { DynamicModule, Module } from '@nestjs/common';
import { Clock, SystemClock } from '../clock';
import { DeliveryChannel, LogChannel, WebhookChannel } from './channels';
import { DeliveryMetrics } from './delivery-metrics';
import { DispatchRepository } from './dispatch.repository';
import { DispatcherOptions, WebhookOptions } from './dispatcher-options';
import { DELIVERY_CHANNEL, DISPATCHER_OPTIONS, ReminderDispatcher } from './reminder-dispatcher';

export interface DeliveryModuleOptions {
  /** Where due reminders go; without it they are written to the log channel. */
  webhook?: WebhookOptions;
  dispatcher: DispatcherOptions;
}

/**
 * The delivery of due reminders: the dispatcher, its channel, its SQL and metrics. Only a
 * process that delivers has it (`RemindersModule` imports it when its dispatcher is enabled).
 * Needs `CoreModule` (global) for the database, the task views, the metrics and the shutdown.
 */
@Module({})
export class ReminderDeliveryModule {
  static forRoot(options: DeliveryModuleOptions): DynamicModule {
    const { dispatcher, webhook } = options;
    return {
      module: ReminderDeliveryModule,
      providers: [
        { provide: Clock, useClass: SystemClock },
        { provide: DISPATCHER_OPTIONS, useValue: dispatcher },
        {
          provide: DELIVERY_CHANNEL,
          inject: [Clock],
          useFactory: (clock: Clock): DeliveryChannel =>
            webhook
              ? new WebhookChannel(
                  webhook,
                  { timeoutMs: dispatcher.timeoutMs, connections: dispatcher.concurrency },
                  clock,
                )
              : new LogChannel(),
        },
        DispatchRepository,
        DeliveryMetrics,
        ReminderDispatcher,
      ],
      exports: [ReminderDispatcher],
    };
  }
}
