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
import { ApiIfMatch, ApiProblems, UuidParam, replyCreated, replyWithEtag } from '@task-api/core';
import type { FastifyReply } from 'fastify';
import { CreateRecurrenceDto } from './dto/create-recurrence.dto';
import { ListRecurrenceQueryDto } from './dto/list-recurrence-query.dto';
import { RecurrenceDto, RecurrencePageDto } from './dto/recurrence.dto';
import { UpdateRecurrenceDto } from './dto/update-recurrence.dto';
import { RecurrenceService } from './recurrence.service';

/** `/recurrence`. Handler names are the OpenAPI operation ids: unique across the whole API. */
@ApiTags('recurrence')
@Controller('recurrence')
export class RecurrenceController {
  constructor(private readonly recurrence: RecurrenceService) {}

  @Post()
  @ApiOperation({ summary: 'Create a recurrence', description: 'For the task named in `taskId`.' })
  @ApiCreatedResponse({ type: RecurrenceDto, description: 'Created; `Location` names it.' })
  @ApiProblems(400, 404, 413, 415)
  async createRecurrence(
    @Body() body: CreateRecurrenceDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecurrenceDto> {
    const { recurrence, etag } = await this.recurrence.createRecurrence(body.taskId, body);
    return replyCreated(reply, `/recurrence/${recurrence.id}`, etag, recurrence);
  }

  @Get()
  @ApiOperation({ summary: 'List recurrence', description: 'Newest first, cursor-paginated.' })
  @ApiOkResponse({ type: RecurrencePageDto })
  @ApiProblems(400)
  listRecurrence(@Query() query: ListRecurrenceQueryDto): Promise<RecurrencePageDto> {
    return this.recurrence.listRecurrence(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a recurrence' })
  @ApiOkResponse({ type: RecurrenceDto, description: '`ETag` identifies this state of it.' })
  @ApiProblems(400, 404)
  async getRecurrence(
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecurrenceDto> {
    const { recurrence, etag } = await this.recurrence.getRecurrence(id);
    return replyWithEtag(reply, etag, recurrence);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a recurrence', description: 'Only the fields sent change.' })
  @ApiIfMatch('"k3J9x0aQ1bZr7TmE"')
  @ApiBody({ type: UpdateRecurrenceDto })
  @ApiOkResponse({ type: RecurrenceDto })
  @ApiProblems(400, 404, 412, 413, 415)
  async updateRecurrence(
    @UuidParam('id') id: string,
    @Body() body: UpdateRecurrenceDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecurrenceDto> {
    const { recurrence, etag } = await this.recurrence.updateRecurrence(id, body, ifMatch);
    return replyWithEtag(reply, etag, recurrence);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a recurrence' })
  @ApiIfMatch('"k3J9x0aQ1bZr7TmE"')
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 404, 412)
  async deleteRecurrence(
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.recurrence.deleteRecurrence(id, ifMatch);
  }
}
