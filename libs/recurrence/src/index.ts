export { recurrenceFeature } from './lib/recurrence.feature';
export { RecurrenceModule } from './lib/recurrence.module';
export { Recurrence } from './lib/recurrence.entity';
export { RecurrenceCompletion } from './lib/recurrence-completion.entity';
export { RecurrenceService } from './lib/recurrence.service';
export {
  RecurrenceDto,
  RecurrenceCompletionDto,
  RecurrenceHistoryPageDto,
} from './lib/dto/recurrence.dto';
export { PutRecurrenceDto } from './lib/dto/put-recurrence.dto';
export { recurrenceMigrations } from './lib/migrations';
