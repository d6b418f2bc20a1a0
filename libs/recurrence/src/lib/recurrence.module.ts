import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Recurrence } from './recurrence.entity';
import { RecurrenceController } from './recurrence.controller';
import { RecurrenceRepository } from './recurrence.repository';
import { RecurrenceService } from './recurrence.service';
import { TaskRecurrenceController } from './task-recurrence.controller';

/**
 * The recurrence feature: `/recurrence` and `/tasks/:taskId/recurrence`. Needs `CoreModule`
 * (global). To show recurrence inside task views or filter `GET /tasks` by them, add a provider
 * marked `@TaskContribution({ order })` (see libs/tags/src/lib/tags-task-extension.ts).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Recurrence])],
  controllers: [RecurrenceController, TaskRecurrenceController],
  providers: [RecurrenceRepository, RecurrenceService],
  exports: [RecurrenceService],
})
export class RecurrenceModule {}
