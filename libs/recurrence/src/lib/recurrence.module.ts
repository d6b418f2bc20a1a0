import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RecurrenceCompletion } from './recurrence-completion.entity';
import { Recurrence } from './recurrence.entity';
import { RecurrenceRepository } from './recurrence.repository';
import { RecurrenceService } from './recurrence.service';
import { RecurrenceTaskExtension } from './recurrence.task-extension';
import { TaskRecurrenceController } from './task-recurrence.controller';

/** Recurring tasks: `/tasks/:taskId/recurrence`. Needs `CoreModule` (global). */
@Module({
  imports: [TypeOrmModule.forFeature([Recurrence, RecurrenceCompletion])],
  controllers: [TaskRecurrenceController],
  providers: [RecurrenceRepository, RecurrenceService, RecurrenceTaskExtension],
  exports: [RecurrenceService],
})
export class RecurrenceModule {}
