import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { TAG_NAME_MAX_LENGTH } from '../tag.entity';
import { COLOR_EXAMPLE, IsTagColor, IsTagName } from './tag-fields';

/** Rename and/or recolor; `color: null` removes the color, a name cannot be null. */
export class UpdateTagDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: TAG_NAME_MAX_LENGTH, example: 'Urgent' })
  @IsOptional()
  @IsTagName()
  name?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    pattern: '^#[0-9a-fA-F]{6}$',
    example: COLOR_EXAMPLE,
  })
  @IsOptional()
  @IsTagColor()
  color?: string | null;
}
