import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems } from '../http/openapi';
import { PageQueryDto } from '../http/pagination';
import { Principal } from '../http/principal';
import { UuidParam } from '../http/validation';
import { CurrentUser } from './current-user';
import { CreateTokenDto, CreatedTokenDto, TokenPageDto } from './dto/token.dto';
import { TokensService } from './tokens.service';

/** The API tokens of the user who asks. */
@ApiTags('identity')
@Controller('tokens')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @Post()
  @ApiOperation({
    summary: 'Make an API token',
    description: 'The secret is in the answer, this once: only its hash is kept.',
  })
  @ApiCreatedResponse({ type: CreatedTokenDto, description: 'Made; `token` is the secret.' })
  @ApiProblems(400, 413, 415)
  createToken(
    @CurrentUser() user: Principal,
    @Body() body: CreateTokenDto,
  ): Promise<CreatedTokenDto> {
    return this.tokens.create(user, body);
  }

  @Get()
  @ApiOperation({
    summary: 'List my API tokens',
    description: 'Those not revoked, oldest first; never their secrets.',
  })
  @ApiOkResponse({ type: TokenPageDto })
  @ApiProblems(400)
  listTokens(@CurrentUser() user: Principal, @Query() query: PageQueryDto): Promise<TokenPageDto> {
    return this.tokens.list(user, query);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke an API token',
    description: 'It is refused from now on (by every process within 10 seconds).',
  })
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiProblems(400, 404)
  async deleteToken(@CurrentUser() user: Principal, @UuidParam('id') id: string): Promise<void> {
    await this.tokens.revoke(user, id);
  }
}
