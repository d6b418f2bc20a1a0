import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';

export const MAX_TAGS_PER_REPLACE = 200;

export class ReplaceTaskTagsDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: MAX_TAGS_PER_REPLACE,
    description: "The task's whole new set of tags; `[]` removes them all. Repeats count once.",
    example: ['6a0c2d5e-8f1b-4c3d-9e7f-2a4b6c8d0e1f'],
  })
  @IsArray()
  @ArrayMaxSize(MAX_TAGS_PER_REPLACE)
  @IsUUID('all', { each: true, message: 'each value in tagIds must be a UUID' })
  tagIds: string[];
}
