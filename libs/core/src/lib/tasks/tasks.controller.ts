import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiIfMatch, replyCreated, replyWithEtag } from '../http/etag';
import { JsonText } from '../http/json-text';
import { ApiProblems } from '../http/openapi';
import { ApiQueryFrom } from '../http/openapi-parameters';
import { PageOf } from '../http/pagination';
import { UuidParam } from '../http/validation';
import { CreateTaskDto } from './dto/create-task.dto';
import { ListTasksQueryDto } from './dto/list-tasks-query.dto';
import { TaskDto } from './dto/task.dto';
import { UpdateTaskDto } from './dto/update-task.dto';
import { TasksService } from './tasks.service';

export class TaskPageDto extends PageOf(TaskDto) {}

@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Post()
  @ApiOperation({ summary: 'Create a task' })
  @ApiCreatedResponse({ type: TaskDto, description: 'Created; `Location` names the new task.' })
  @ApiProblems(400, 413, 415)
  async createTask(
    @Body() body: CreateTaskDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<JsonText> {
    const { id, task, etag } = await this.tasks.create(body);
    return replyCreated(reply, `/tasks/${id}`, etag, task);
  }

  @Get()
  @ApiOperation({
    summary: 'List tasks',
    description: 'Cursor-paginated; filters combine with AND. Features add their own filters.',
  })
  @ApiQueryFrom(ListTasksQueryDto)
  @ApiOkResponse({ type: TaskPageDto })
  @ApiProblems(400)
  listTasks(@Query() query: Record<string, unknown>): Promise<JsonText> {
    return this.tasks.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a task' })
  @ApiOkResponse({ type: TaskDto, description: 'The task; `ETag` carries its version.' })
  @ApiProblems(400, 404)
  async getTask(
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<JsonText> {
    const { task, etag } = await this.tasks.get(id);
    return replyWithEtag(reply, etag, task);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a task',
    description: 'Only the fields sent change; `null` clears.',
  })
  @ApiIfMatch()
  @ApiBody({ type: UpdateTaskDto })
  @ApiOkResponse({ type: TaskDto })
  @ApiProblems(400, 404, 412, 413, 415, 422)
  async updateTask(
    @UuidParam('id') id: string,
    @Body() body: UpdateTaskDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<JsonText> {
    const { task, etag } = await this.tasks.update(id, body, ifMatch);
    return replyWithEtag(reply, etag, task);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a task',
    description: 'Its tag links and reminders go with it.',
  })
  @ApiIfMatch()
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 404, 412)
  async deleteTask(
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.tasks.remove(id, ifMatch);
  }
}
