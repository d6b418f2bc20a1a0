import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '../http/principal';
import { CurrentUser } from './current-user';
import { UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('identity')
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Who the credential of this request stands for' })
  @ApiOkResponse({ type: UserDto })
  getMe(@CurrentUser() user: Principal): Promise<UserDto> {
    return this.users.me(user);
  }
}
