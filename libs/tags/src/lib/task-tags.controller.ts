import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiProblems,
  CurrentUser,
  PageQueryDto,
  Principal,
  Tagged,
  UuidParam,
} from '@task-api/core';
import type { FastifyReply } from 'fastify';
import { AttachTagByNameDto } from './dto/create-tag.dto';
import { ReplaceTaskTagsDto } from './dto/replace-task-tags.dto';
import { TagDto, TagPageDto } from './dto/tag.dto';
import { TagsService } from './tags.service';

/** A task's tags: `/tasks/:taskId/tags...`. An unknown task is a 404 on every route. */
@ApiTags('tags')
@Controller('tasks/:taskId/tags')
export class TaskTagsController {
  constructor(private readonly tags: TagsService) {}

  @Get()
  @ApiOperation({ summary: "List a task's tags", description: 'Sorted by name, paginated.' })
  @ApiOkResponse({ type: TagPageDto })
  @ApiProblems(400, 404)
  listTaskTags(
    @CurrentUser() user: Principal,
    @UuidParam('taskId') taskId: string,
    @Query() query: PageQueryDto,
  ): Promise<TagPageDto> {
    return this.tags.listTaskTags(user, taskId, query);
  }

  @Post()
  @ApiOperation({
    summary: 'Attach a tag by name, creating it if needed',
    description:
      'Get-or-create by name (case-insensitive), then attach; safe under concurrency. `color` is used only when the tag is created.',
  })
  @ApiCreatedResponse({ type: TagDto, description: 'The tag was created (and attached).' })
  @ApiOkResponse({ type: TagDto, description: 'The tag existed; it is attached.' })
  @ApiProblems(400, 404, 413, 415)
  async attachTagByName(
    @CurrentUser() user: Principal,
    @UuidParam('taskId') taskId: string,
    @Body() body: AttachTagByNameDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Tagged<TagDto>> {
    const { tag, created } = await this.tags.attachTagByName(user, taskId, body);
    // The one answer whose status depends on the outcome: 201 when the tag was created.
    reply.status(created ? 201 : 200);
    return tag;
  }

  @Put()
  @ApiOperation({
    summary: "Replace a task's whole set of tags",
    description: 'In one transaction: an unknown tag id is a 404 and changes nothing.',
  })
  @ApiBody({ type: ReplaceTaskTagsDto })
  @ApiOkResponse({ type: TagPageDto, description: "The task's new set of tags." })
  @ApiProblems(400, 404, 413, 415)
  replaceTaskTags(
    @CurrentUser() user: Principal,
    @UuidParam('taskId') taskId: string,
    @Body() body: ReplaceTaskTagsDto,
  ): Promise<TagPageDto> {
    return this.tags.replaceTaskTags(user, taskId, body.tagIds);
  }

  @Put(':tagId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Attach a tag to a task', description: 'Idempotent.' })
  @ApiNoContentResponse({ description: 'The task carries the tag.' })
  @ApiProblems(400, 404)
  async attachTag(
    @CurrentUser() user: Principal,
    @UuidParam('taskId') taskId: string,
    @UuidParam('tagId') tagId: string,
  ): Promise<void> {
    await this.tags.attachTag(user, taskId, tagId);
  }

  @Delete(':tagId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Detach a tag from a task', description: 'Idempotent.' })
  @ApiNoContentResponse({ description: 'The task does not carry the tag.' })
  @ApiProblems(400, 404)
  async detachTag(
    @CurrentUser() user: Principal,
    @UuidParam('taskId') taskId: string,
    @UuidParam('tagId') tagId: string,
  ): Promise<void> {
    await this.tags.detachTag(user, taskId, tagId);
  }
}
