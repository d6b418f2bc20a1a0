import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
} from 'class-validator';
import { TextLength, commaList } from '@task-api/core';
import { TAG_NAME_MAX_LENGTH } from '../tag.entity';

export const TAG_MATCHES = ['any', 'all', 'none'] as const;
export type TagMatch = (typeof TAG_MATCHES)[number];
export const MAX_FILTER_TAGS = 50;

const booleanText = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/**
 * The query parameters the tags library adds to `GET /tasks`: core validates them with this
 * class and documents them from it.
 */
export class TaskTagsFilterDto {
  @ApiPropertyOptional({
    type: String,
    description: `Tag names, comma-separated or repeated (case-insensitive, at most ${MAX_FILTER_TAGS}); how they combine is \`tagMatch\`.`,
    example: 'urgent,home',
  })
  @IsOptional()
  @Transform(commaList)
  @ArrayNotEmpty({ message: 'tags must name at least one tag' })
  @ArrayMaxSize(MAX_FILTER_TAGS)
  @IsString({ each: true })
  @TextLength(1, TAG_NAME_MAX_LENGTH, { each: true })
  tags?: string[];

  @ApiPropertyOptional({
    type: String,
    enum: TAG_MATCHES,
    default: 'any',
    description:
      'With `tags`: `any` (at least one of them, the default), `all` (every one) or `none` (none of them; untagged tasks included).',
    example: 'all',
  })
  @IsOptional()
  @IsIn(TAG_MATCHES)
  tagMatch?: TagMatch;

  @ApiPropertyOptional({
    type: Boolean,
    description: '`true`: only tasks without any tag; `false`: only tasks with at least one.',
    example: true,
  })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'untagged must be true or false' })
  untagged?: boolean;
}
