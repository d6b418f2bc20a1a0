import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { TAG_NAME_MAX_LENGTH } from '../tag.entity';
import { COLOR_EXAMPLE, IsTagColor, IsTagName, NAME_EXAMPLE } from './tag-fields';

export class CreateTagDto {
  @ApiProperty({
    minLength: 1,
    maxLength: TAG_NAME_MAX_LENGTH,
    description:
      'Trimmed; unique case-insensitively; at least one visible character, no comma, no control character.',
    example: NAME_EXAMPLE,
  })
  @IsTagName()
  name: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    pattern: '^#[0-9a-fA-F]{6}$',
    description: '`#rrggbb` in any case; stored and returned lowercase.',
    example: COLOR_EXAMPLE,
  })
  @IsOptional()
  @IsTagColor()
  color?: string | null;
}

/** `POST /tasks/:taskId/tags`: the color is used only if the tag has to be created. */
export class AttachTagByNameDto extends CreateTagDto {}
