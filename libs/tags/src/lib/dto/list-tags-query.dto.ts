import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { PageQueryDto, TextLength } from '@task-api/core';
import { TAG_NAME_MAX_LENGTH } from '../tag.entity';

export class ListTagsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only tags whose name starts with this text (case-insensitive).',
    maxLength: TAG_NAME_MAX_LENGTH,
    example: 'urg',
  })
  @IsOptional()
  @IsString()
  @TextLength(0, TAG_NAME_MAX_LENGTH)
  q?: string;
}
