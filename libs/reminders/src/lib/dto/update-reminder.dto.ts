import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { CreateTaskReminderDto } from './create-reminder.dto';

/**
 * Reschedule (`remindAt` or `offsetMinutes`, at most one) and/or change the note. A new time makes
 * the reminder `scheduled` again, whatever it was, as a new firing (new `webhook-id`).
 */
export class UpdateReminderDto extends PartialType(CreateTaskReminderDto) {}

export const MAX_SNOOZE_MINUTES = 10_080;

export class SnoozeReminderDto {
  @ApiProperty({
    minimum: 1,
    maximum: MAX_SNOOZE_MINUTES,
    description: 'Fire again this many minutes from now (up to 7 days).',
    example: 15,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_SNOOZE_MINUTES)
  minutes: number;
}
