import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { TAG_NAME_MAX_LENGTH } from '../tag.entity';

export const COLOR_PATTERN = /^#[0-9a-f]{6}$/;
export const NAME_EXAMPLE = 'urgent';
export const COLOR_EXAMPLE = '#e5484d';

/** A tag name: trimmed, then 1–64 characters. */
export function IsTagName(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    Length(1, TAG_NAME_MAX_LENGTH),
  );
}

/** `#RRGGBB` in any case, stored lowercase (the column's CHECK wants `#rrggbb`). */
export function IsTagColor(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    IsString(),
    Matches(COLOR_PATTERN, { message: '$property must be a color written #rrggbb' }),
  );
}
