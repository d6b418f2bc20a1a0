import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, ValidateIf } from 'class-validator';
import { CreateTaskDto } from './create-task.dto';

/** Every field optional; `null` clears `description` and `dueAt`, but a title cannot be null. */
export class UpdateTaskDto extends PartialType(OmitType(CreateTaskDto, ['title'] as const)) {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200, example: 'Renew passport and ID card' })
  @ValidateIf((_, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 200)
  title?: string;
}
