import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock, SystemClock } from './clock';
import { DeliveryChannel, LogChannel, WebhookChannel } from './delivery/channels';
import { DispatchRepository } from './delivery/dispatch.repository';
import {
  DispatcherOptions,
  WebhookOptions,
  resolveDispatcherOptions,
} from './delivery/dispatcher-options';
import {
  DELIVERY_CHANNEL,
  DISPATCHER_OPTIONS,
  ReminderDispatcher,
} from './delivery/reminder-dispatcher';
import { ReminderDelivery } from './reminder-delivery.entity';
import { Reminder } from './reminder.entity';
import { RemindersController } from './reminders.controller';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';
import { RemindersTaskExtension } from './reminders.task-extension';
import { TaskRemindersController } from './task-reminders.controller';

export interface RemindersModuleOptions {
  /** Where due reminders go; without it they are written to the log channel. */
  webhook?: WebhookOptions;
  /** Defaults in `DEFAULT_DISPATCHER_OPTIONS`; `enabled: false` for an HTTP-only process. */
  dispatcher?: Partial<DispatcherOptions>;
}

/** Reminders of tasks and their delivery. Needs `CoreModule` (global) in the app. */
@Module({})
export class RemindersModule {
  static forRoot(options: RemindersModuleOptions = {}): DynamicModule {
    const dispatcherOptions = resolveDispatcherOptions(options.dispatcher);
    return {
      module: RemindersModule,
      imports: [TypeOrmModule.forFeature([Reminder, ReminderDelivery])],
      controllers: [RemindersController, TaskRemindersController],
      providers: [
        { provide: Clock, useClass: SystemClock },
        { provide: DISPATCHER_OPTIONS, useValue: dispatcherOptions },
        {
          provide: DELIVERY_CHANNEL,
          inject: [Clock],
          useFactory: (clock: Clock): DeliveryChannel =>
            options.webhook
              ? new WebhookChannel(options.webhook, dispatcherOptions.timeoutMs, clock)
              : new LogChannel(),
        },
        RemindersRepository,
        RemindersService,
        RemindersTaskExtension,
        DispatchRepository,
        ReminderDispatcher,
      ],
      exports: [RemindersService, ReminderDispatcher],
    };
  }
}
