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

/** The query parameters the tags library adds to `GET /tasks`, validated by `validatePlain`. */
export class TaskTagsFilterDto {
  @IsOptional()
  @Transform(commaList)
  @ArrayNotEmpty({ message: 'tags must name at least one tag' })
  @ArrayMaxSize(MAX_FILTER_TAGS)
  @IsString({ each: true })
  @TextLength(1, TAG_NAME_MAX_LENGTH, { each: true })
  tags?: string[];

  @IsOptional()
  @IsIn(TAG_MATCHES)
  tagMatch?: TagMatch;

  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'untagged must be true or false' })
  untagged?: boolean;
}
