import { Body, Controller, Delete, Get, HttpCode, Put, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CurrentUser,
  Principal,
  ApiIfMatch,
  ApiProblems,
  ApiReadEtag,
  IfMatch,
  JsonText,
  PageQueryDto,
  Tagged,
  UuidParam,
} from '@task-api/core';
import { PutRecurrenceDto } from './dto/put-recurrence.dto';
import { RecurrenceDto, RecurrenceHistoryPageDto } from './dto/recurrence.dto';
import { RecurrenceService } from './recurrence.service';

/**
 * A task's recurrence: `/tasks/:taskId/recurrence`. An unknown task is a 404. Handler names
 * are the OpenAPI operation ids: unique across the whole API.
 */
@ApiTags('recurrence')
@Controller('tasks/:taskId/recurrence')
export class TaskRecurrenceController {
  constructor(private readonly recurrence: RecurrenceService) {}

  @Put()
  @ApiOperation({
    summary: 'Make a task recur',
    description:
      'Sets the rule (a rule already set is replaced; its history stays). The task’s current `dueAt` is the first occurrence (DTSTART); completing the task moves it to the next one. 422 when the task has no `dueAt`.',
  })
  @ApiIfMatch()
  @ApiBody({ type: PutRecurrenceDto })
  @ApiOkResponse({ type: RecurrenceDto, description: '`ETag` identifies this state of it.' })
  @ApiProblems(400, 404, 412, 413, 415, 422)
  async putTaskRecurrence(
    @CurrentUser() user: Principal,
    @UuidParam('taskId') taskId: string,
    @Body() body: PutRecurrenceDto,
    @IfMatch() ifMatch: string | undefined,
  ): Promise<Tagged<JsonText>> {
    return this.recurrence.put(user, taskId, body, ifMatch);
  }

  @Get()
  @ApiOperation({ summary: 'Get a task’s recurrence', description: '404 when it does not recur.' })
  @ApiReadEtag(RecurrenceDto, 'The recurrence; `ETag` identifies this state of it.')
  @ApiProblems(400, 404)
  getTaskRecurrence(
    @CurrentUser() user: Principal,
    @UuidParam('taskId') taskId: string,
  ): Promise<Tagged<JsonText>> {
    return this.recurrence.get(user, taskId);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Stop a task recurring',
    description: 'The task stays as it is; the history of its completions goes.',
  })
  @ApiIfMatch()
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 404, 412)
  async deleteTaskRecurrence(
    @CurrentUser() user: Principal,
    @UuidParam('taskId') taskId: string,
    @IfMatch() ifMatch: string | undefined,
  ): Promise<void> {
    await this.recurrence.remove(user, taskId, ifMatch);
  }

  @Get('history')
  @ApiOperation({
    summary: 'List a task’s completed occurrences',
    description: 'Oldest first, cursor-paginated: each with its `dueAt` and when it was completed.',
  })
  @ApiOkResponse({ type: RecurrenceHistoryPageDto })
  @ApiProblems(400, 404)
  listTaskRecurrenceHistory(
    @CurrentUser() user: Principal,
    @UuidParam('taskId') taskId: string,
    @Query() query: PageQueryDto,
  ): Promise<RecurrenceHistoryPageDto> {
    return this.recurrence.history(user, taskId, query);
  }
}
