import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsInstant } from '../../http/instant';
import { PageOf } from '../../http/pagination';
import { Label } from '../../http/text';
import { TOKEN_NAME_MAX_LENGTH } from '../api-token.entity';
import type { TokenRow } from '../identity.repository';
import { TOKEN_EXAMPLE } from './user.dto';

/** An API token as its owner's list shows it: never the secret. */
export class TokenDto {
  @ApiProperty({ format: 'uuid', example: '8b2e4c6a-1d3f-4a5b-8c7d-9e0f1a2b3c4d' })
  id: string;

  @ApiProperty({ example: 'laptop' })
  name: string;

  @ApiProperty({
    description: 'The first characters of the secret, to tell tokens apart.',
    example: TOKEN_EXAMPLE.slice(0, 12),
  })
  prefix: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-29T10:00:00.000Z' })
  createdAt: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it last authenticated a request (recorded every few seconds).',
    example: '2026-11-30T08:15:00.000Z',
  })
  lastUsedAt: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'After this instant it is refused; null: it does not expire.',
    example: null,
  })
  expiresAt: string | null;
}

export class TokenPageDto extends PageOf(TokenDto) {}

/** A token just made: the only time its secret is shown. */
export class CreatedTokenDto extends TokenDto {
  @ApiProperty({
    description:
      'The secret, for `Authorization: Bearer <token>`. Shown once: only its hash is kept.',
    example: TOKEN_EXAMPLE,
  })
  token: string;
}

export class CreateTokenDto {
  @ApiProperty({
    minLength: 1,
    maxLength: TOKEN_NAME_MAX_LENGTH,
    description: 'What the token is for; trimmed.',
    example: 'laptop',
  })
  @Label(TOKEN_NAME_MAX_LENGTH)
  name: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'A future instant after which the token is refused; absent or null: never.',
    example: '2027-06-01T00:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  expiresAt?: Date | null;
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function toTokenDto(row: TokenRow): TokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: iso(row.last_used_at),
    expiresAt: iso(row.expires_at),
  };
}
