import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Matches } from 'class-validator';
import { Label } from '@task-api/core';
import { TAG_NAME_MAX_LENGTH } from '../tag.entity';

export const COLOR_PATTERN = /^#[0-9a-f]{6}$/;
export const NAME_EXAMPLE = 'urgent';
export const COLOR_EXAMPLE = '#e5484d';

/** `tags=a,b` separates names with commas. */
const NO_COMMA = /^[^,]*$/;

/**
 * A tag name: a label (trimmed, 1–64 characters, a visible one, no control character) without
 * a comma.
 */
export function IsTagName(): PropertyDecorator {
  return applyDecorators(
    Label(TAG_NAME_MAX_LENGTH),
    Matches(NO_COMMA, { message: '$property must not contain a comma' }),
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
