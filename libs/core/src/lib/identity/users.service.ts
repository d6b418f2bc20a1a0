import { Injectable } from '@nestjs/common';
import { Page, PageQueryDto } from '../http/pagination';
import { Principal } from '../http/principal';
import { notFound, unprocessable } from '../http/problem';
import { newSecret } from './api-token-secret';
import { Authenticator } from './authenticator';
import { CreateUserDto, CreatedUserDto, UserDto, toUserDto } from './dto/user.dto';
import { IdentityRepository, USER_ORDER } from './identity.repository';

/** What a user's first token (made with it by `POST /users`) is called in its list. */
const FIRST_TOKEN_NAME = 'first token';

/** Users: `GET /me` for anyone, `/users` for the administrator. */
@Injectable()
export class UsersService {
  constructor(
    private readonly repository: IdentityRepository,
    private readonly authenticator: Authenticator,
  ) {}

  async me(principal: Principal): Promise<UserDto> {
    const user = await this.repository.findUser(principal.userId);
    // Deleted by another process while its credential was still trusted here.
    if (!user) throw notFound('User', principal.userId);
    return toUserDto(user);
  }

  /** A user and its first API token, in one statement. */
  async create(input: CreateUserDto): Promise<CreatedUserDto> {
    const secret = newSecret();
    const user = await this.repository.insertUser(input.name, { name: FIRST_TOKEN_NAME, secret });
    return { id: user.id, name: user.name, token: secret.secret };
  }

  async list(query: PageQueryDto): Promise<Page<UserDto>> {
    const after = USER_ORDER.decode(query.cursor);
    const rows = await this.repository.findUserPage(after, query.limit);
    return USER_ORDER.page(rows, query.limit, toUserDto, (row) => ({
      value: row.created_at,
      id: row.id,
    }));
  }

  /**
   * Deletes a user with everything it owns (tasks and with them their tags' links, reminders and
   * recurrences; its tags; its tokens), in one statement. The administrator stays: without it,
   * nobody could manage users.
   */
  async remove(id: string): Promise<void> {
    const outcome = await this.repository.deleteUser(id);
    if (outcome === 'missing') throw notFound('User', id);
    if (outcome === 'administrator') {
      throw unprocessable('The administrator cannot be deleted: nobody could manage users then.');
    }
    this.authenticator.forgetUser(id);
  }
}
