import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { MAX_RULE_LENGTH, MAX_TIMEZONE_LENGTH } from '../recurrence.entity';
import { RULE_EXAMPLE } from './recurrence.dto';

/**
 * `PUT /tasks/:taskId/recurrence`. The grammar of `rule` and the zone are checked by the
 * service (a 400 naming the field); here only their type and length.
 */
export class PutRecurrenceDto {
  @ApiProperty({
    maxLength: MAX_RULE_LENGTH,
    description:
      'An RFC 5545 RRULE value, without `RRULE:` or DTSTART (the task’s `dueAt` is the start): FREQ is HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY; COUNT or UNTIL (a UTC date-time, `20271231T230000Z`) end it.',
    example: RULE_EXAMPLE,
  })
  @IsString()
  @MaxLength(MAX_RULE_LENGTH)
  rule: string;

  @ApiProperty({
    maxLength: MAX_TIMEZONE_LENGTH,
    description: 'An IANA time zone; wall-clock time is kept in it across DST changes.',
    example: 'Europe/Berlin',
  })
  @IsString()
  @MaxLength(MAX_TIMEZONE_LENGTH)
  timezone: string;
}
