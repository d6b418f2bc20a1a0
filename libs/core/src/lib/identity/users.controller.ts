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
import { UuidParam } from '../http/validation';
import { AdministratorOnly } from './current-user';
import { CreateUserDto, CreatedUserDto, UserPageDto } from './dto/user.dto';
import { UsersService } from './users.service';

/** Users, managed by the administrator. */
@ApiTags('identity')
@AdministratorOnly()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a user',
    description: 'With its first API token, in the answer this once. Administrator only.',
  })
  @ApiCreatedResponse({ type: CreatedUserDto, description: 'Created; `token` is its secret.' })
  @ApiProblems(400, 413, 415)
  createUser(@Body() body: CreateUserDto): Promise<CreatedUserDto> {
    return this.users.create(body);
  }

  @Get()
  @ApiOperation({
    summary: 'List users',
    description: 'Oldest first (the administrator first). Administrator only.',
  })
  @ApiOkResponse({ type: UserPageDto })
  @ApiProblems(400)
  listUsers(@Query() query: PageQueryDto): Promise<UserPageDto> {
    return this.users.list(query);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a user and all its data',
    description:
      'Its tasks (with their tag links, reminders and recurrences), its tags and its tokens go with it. The administrator cannot be deleted (422). Administrator only.',
  })
  @ApiNoContentResponse({ description: 'Deleted, with everything it owned.' })
  @ApiProblems(400, 404, 422)
  async deleteUser(@UuidParam('id') id: string): Promise<void> {
    await this.users.remove(id);
  }
}
