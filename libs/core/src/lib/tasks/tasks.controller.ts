import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiIfMatch, ApiReadEtag, IfMatch, Tagged } from '../http/etag';
import { JsonText } from '../http/json-text';
import { ApiProblems } from '../http/openapi';
import { ApiQueryFrom } from '../http/openapi-parameters';
import { PageOf } from '../http/pagination';
import { Principal } from '../http/principal';
import { CurrentUser } from '../identity/current-user';
import { UuidParam } from '../http/validation';
import { CreateTaskDto } from './dto/create-task.dto';
import { ListTasksQueryDto } from './dto/list-tasks-query.dto';
import { TaskDto } from './dto/task.dto';
import { UpdateTaskDto } from './dto/update-task.dto';
import { TasksService } from './tasks.service';

export class TaskPageDto extends PageOf(TaskDto) {}

/** Which version a write checks: the ETag of the whole view, features' fields included. */
const TASK_IF_MATCH =
  'The ETag of the task as last read (`GET`, or the answer of a write). It covers the whole view, its tags and reminders included, so a task whose tags or reminders changed since is refused with 412 too.';

@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Post()
  @ApiOperation({ summary: 'Create a task' })
  @ApiCreatedResponse({ type: TaskDto, description: 'Created; `Location` names the new task.' })
  @ApiProblems(400, 413, 415)
  createTask(
    @CurrentUser() user: Principal,
    @Body() body: CreateTaskDto,
  ): Promise<Tagged<JsonText>> {
    return this.tasks.create(user, body);
  }

  @Get()
  @ApiOperation({
    summary: 'List tasks',
    description: 'Cursor-paginated; filters combine with AND. Features add their own filters.',
  })
  @ApiQueryFrom(ListTasksQueryDto)
  @ApiOkResponse({ type: TaskPageDto })
  @ApiProblems(400)
  listTasks(
    @CurrentUser() user: Principal,
    @Query() query: Record<string, unknown>,
  ): Promise<JsonText> {
    return this.tasks.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a task' })
  @ApiReadEtag(TaskDto, 'The task with its tags and reminders; `ETag` covers all of it.')
  @ApiProblems(400, 404)
  getTask(@CurrentUser() user: Principal, @UuidParam('id') id: string): Promise<Tagged<JsonText>> {
    return this.tasks.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a task',
    description: 'Only the fields sent change; `null` clears.',
  })
  @ApiIfMatch(TASK_IF_MATCH)
  @ApiBody({ type: UpdateTaskDto })
  @ApiOkResponse({ type: TaskDto })
  @ApiProblems(400, 404, 412, 413, 415, 422)
  updateTask(
    @CurrentUser() user: Principal,
    @UuidParam('id') id: string,
    @Body() body: UpdateTaskDto,
    @IfMatch() ifMatch: string | undefined,
  ): Promise<Tagged<JsonText>> {
    return this.tasks.update(user, id, body, ifMatch);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a task',
    description: 'Its tag links and reminders go with it.',
  })
  @ApiIfMatch(TASK_IF_MATCH)
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 404, 412)
  async deleteTask(
    @CurrentUser() user: Principal,
    @UuidParam('id') id: string,
    @IfMatch() ifMatch: string | undefined,
  ): Promise<void> {
    await this.tasks.remove(user, id, ifMatch);
  }
}
