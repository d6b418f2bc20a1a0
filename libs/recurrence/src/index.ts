export { recurrenceFeature } from './lib/recurrence.feature';
export { RecurrenceModule } from './lib/recurrence.module';
export { Recurrence } from './lib/recurrence.entity';
export { RecurrenceService } from './lib/recurrence.service';
export { RecurrenceDto, RecurrencePageDto } from './lib/dto/recurrence.dto';
export { CreateRecurrenceDto, CreateTaskRecurrenceDto } from './lib/dto/create-recurrence.dto';
export { UpdateRecurrenceDto } from './lib/dto/update-recurrence.dto';
export { recurrenceMigrations } from './lib/migrations';
