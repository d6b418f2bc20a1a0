import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, PageQueryDto, UuidParam, replyCreated } from '@task-api/core';
import type { FastifyReply } from 'fastify';
import { CreateTaskRecurrenceDto } from './dto/create-recurrence.dto';
import { RecurrenceDto, RecurrencePageDto } from './dto/recurrence.dto';
import { RecurrenceService } from './recurrence.service';

/** A task's recurrence: `/tasks/:taskId/recurrence`. An unknown task is a 404. */
@ApiTags('recurrence')
@Controller('tasks/:taskId/recurrence')
export class TaskRecurrenceController {
  constructor(private readonly recurrence: RecurrenceService) {}

  @Get()
  @ApiOperation({
    summary: "List a task's recurrence",
    description: 'Newest first, cursor-paginated.',
  })
  @ApiOkResponse({ type: RecurrencePageDto })
  @ApiProblems(400, 404)
  listTaskRecurrence(
    @UuidParam('taskId') taskId: string,
    @Query() query: PageQueryDto,
  ): Promise<RecurrencePageDto> {
    return this.recurrence.listTaskRecurrence(taskId, query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a recurrence for a task' })
  @ApiCreatedResponse({ type: RecurrenceDto, description: 'Created; `Location` names it.' })
  @ApiProblems(400, 404, 413, 415)
  async createTaskRecurrence(
    @UuidParam('taskId') taskId: string,
    @Body() body: CreateTaskRecurrenceDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecurrenceDto> {
    const { recurrence, etag } = await this.recurrence.createRecurrence(taskId, body);
    return replyCreated(reply, `/recurrence/${recurrence.id}`, etag, recurrence);
  }
}
