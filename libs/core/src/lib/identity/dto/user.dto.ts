import { ApiProperty } from '@nestjs/swagger';
import { Label } from '../../http/text';
import { PageOf } from '../../http/pagination';
import { USER_NAME_MAX_LENGTH } from '../user.entity';
import type { UserRow } from '../identity.repository';

const ID_EXAMPLE = '5d1f8c2e-7a4b-4c3d-9e8f-0a1b2c3d4e5f';
/** What an API token looks like: `tapi_` and 43 base64url characters (256 random bits). */
export const TOKEN_EXAMPLE = 'tapi_q8Xv2bN4mR7tY1wZ3cK5pL9sD0fG6hJ2aE4uI8oV7nM';

/** A user as the API shows it (`GET /me`, `GET /users`). */
export class UserDto {
  @ApiProperty({ format: 'uuid', example: ID_EXAMPLE })
  id: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  name: string;

  @ApiProperty({ description: 'The administrator manages users.', example: false })
  administrator: boolean;

  @ApiProperty({ format: 'date-time', example: '2026-11-29T10:00:00.000Z' })
  createdAt: string;
}

export class UserPageDto extends PageOf(UserDto) {}

export class CreateUserDto {
  @ApiProperty({
    minLength: 1,
    maxLength: USER_NAME_MAX_LENGTH,
    description: 'Trimmed; at least one visible character, no control character.',
    example: 'Ada Lovelace',
  })
  @Label(USER_NAME_MAX_LENGTH)
  name: string;
}

/** A user just created, with its first API token: the only time the secret is shown. */
export class CreatedUserDto {
  @ApiProperty({ format: 'uuid', example: ID_EXAMPLE })
  id: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  name: string;

  @ApiProperty({
    description: "The user's first API token. Shown once: only its hash is kept.",
    example: TOKEN_EXAMPLE,
  })
  token: string;
}

export function toUserDto(row: UserRow): UserDto {
  return {
    id: row.id,
    name: row.name,
    administrator: row.administrator,
    createdAt: row.created_at.toISOString(),
  };
}
