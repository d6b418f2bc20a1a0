import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Page, PageQueryDto } from '../http/pagination';
import { Principal } from '../http/principal';
import { badRequest, notFound } from '../http/problem';
import { newSecret } from './api-token-secret';
import { Authenticator } from './authenticator';
import { CreateTokenDto, CreatedTokenDto, TokenDto, toTokenDto } from './dto/token.dto';
import { IDENTITY_OPTIONS, IdentityOptions } from './identity-options';
import { IdentityRepository, TOKEN_ORDER } from './identity.repository';

/** What the administrator's first token is called in its list. */
const FIRST_TOKEN_NAME = 'first administrator token';

/** A user's API tokens (`/tokens`): made with the secret shown once, listed, revoked. */
@Injectable()
export class TokensService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Identity');

  constructor(
    private readonly repository: IdentityRepository,
    private readonly authenticator: Authenticator,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  async create(owner: Principal, input: CreateTokenDto): Promise<CreatedTokenDto> {
    const expiresAt = input.expiresAt ?? null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      throw badRequest('The request is invalid.', [
        { field: 'expiresAt', message: 'must be in the future' },
      ]);
    }
    const secret = newSecret();
    const row = await this.repository.insertToken(this.repository.autocommit, owner.userId, {
      name: input.name,
      secret,
      expiresAt,
    });
    return { ...toTokenDto(row), token: secret.secret };
  }

  async list(owner: Principal, query: PageQueryDto): Promise<Page<TokenDto>> {
    const after = TOKEN_ORDER.decode(query.cursor);
    const rows = await this.repository.findTokenPage(owner.userId, after, query.limit);
    return TOKEN_ORDER.page(rows, query.limit, toTokenDto, (row) => ({
      value: row.created_at,
      id: row.id,
    }));
  }

  /** Revoked at once in this process, within the credential cache's time in the others. */
  async revoke(owner: Principal, id: string): Promise<void> {
    const hash = await this.repository.revokeToken(owner.userId, id);
    if (hash === undefined) throw notFound('Token', id);
    this.authenticator.forgetToken(hash);
  }

  /**
   * A fresh install has an administrator (the identity migration makes it) and no token: the API
   * gives it one at start and prints it, once. Processes starting together queue on the
   * administrator's row, so exactly one of them does. With `ADMIN_TOKEN` set there is no need.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.announceFirstToken || this.options.adminToken !== undefined) return;
    await this.repository.ensureAdministrator();
    const secret = newSecret();
    const issued = await this.repository.transaction(async (manager) => {
      const administrator = await this.repository.lockAdministrator(manager);
      if (administrator.hasToken) return false;
      await this.repository.insertToken(manager, administrator.id, {
        name: FIRST_TOKEN_NAME,
        secret,
        expiresAt: null,
      });
      return true;
    });
    if (issued) {
      this.logger.warn(
        `The administrator's API token, shown this once (keep it; or set ADMIN_TOKEN): ${secret.secret}`,
      );
    }
  }
}
