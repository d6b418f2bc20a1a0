import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Matches } from 'class-validator';
import { TextLength } from '@task-api/core';
import { TAG_NAME_MAX_LENGTH } from '../tag.entity';

export const COLOR_PATTERN = /^#[0-9a-f]{6}$/;
export const NAME_EXAMPLE = 'urgent';
export const COLOR_EXAMPLE = '#e5484d';

/** A letter, digit, punctuation or symbol: something a reader sees. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
/** `tags=a,b` separates names with commas; a control character has no place in a label. */
const FORBIDDEN = /^[^,\p{Cc}]*$/u;

/**
 * A tag name: trimmed, then 1–64 characters (code points), with a visible character (not only
 * spaces, joiners or combining marks), no comma and no control character.
 */
export function IsTagName(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    TextLength(1, TAG_NAME_MAX_LENGTH),
    Matches(VISIBLE, { message: '$property must contain a visible character' }),
    Matches(FORBIDDEN, {
      message: '$property must not contain a comma or a control character (such as a line break)',
    }),
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
