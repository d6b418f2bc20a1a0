import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock, SystemClock } from './clock';
import { ReminderDeliveryModule } from './delivery/delivery.module';
import {
  DispatcherOptions,
  WebhookOptions,
  resolveDispatcherOptions,
} from './delivery/dispatcher-options';
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

/**
 * Reminders of tasks, and their delivery when this process's dispatcher is enabled (the
 * delivery module is imported then only). Needs `CoreModule` (global) in the app.
 */
@Module({})
export class RemindersModule {
  static forRoot(options: RemindersModuleOptions = {}): DynamicModule {
    const dispatcherOptions = resolveDispatcherOptions(options.dispatcher);
    return {
      module: RemindersModule,
      imports: [
        TypeOrmModule.forFeature([Reminder, ReminderDelivery]),
        ...(dispatcherOptions.enabled
          ? [
              ReminderDeliveryModule.forRoot({
                webhook: options.webhook,
                dispatcher: dispatcherOptions,
              }),
            ]
          : []),
      ],
      controllers: [RemindersController, TaskRemindersController],
      providers: [
        { provide: Clock, useClass: SystemClock },
        RemindersRepository,
        RemindersService,
        RemindersTaskExtension,
      ],
      exports: [RemindersService],
    };
  }
}
