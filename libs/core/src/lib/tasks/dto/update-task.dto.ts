import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString } from 'class-validator';
import { TextLength } from '../../http/text';
import { CreateTaskDto } from './create-task.dto';

/** Every field optional; `null` clears `description` and `dueAt`, but a title cannot be null. */
export class UpdateTaskDto extends PartialType(OmitType(CreateTaskDto, ['title'] as const)) {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200, example: 'Renew passport and ID card' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @TextLength(1, 200)
  title?: string;
}
