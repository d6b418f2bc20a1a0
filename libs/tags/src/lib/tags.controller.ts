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
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiIfMatch,
  ApiProblems,
  replyCreated,
  replyWithEtag,
  PageQueryDto,
  JsonText,
  TaskPageDto,
  UuidParam,
} from '@task-api/core';
import type { FastifyReply } from 'fastify';
import { ApiTagNameConflict } from './api-tag-name-conflict';
import { CreateTagDto } from './dto/create-tag.dto';
import { ListTagsQueryDto } from './dto/list-tags-query.dto';
import { TagDto, TagPageDto, TagSummaryDto } from './dto/tag.dto';
import { UpdateTagDto } from './dto/update-tag.dto';
import { TagsService } from './tags.service';

@ApiTags('tags')
@ApiExtraModels(TagSummaryDto)
@Controller('tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  @Post()
  @ApiOperation({ summary: 'Create a tag' })
  @ApiCreatedResponse({ type: TagDto, description: 'Created; `Location` names the new tag.' })
  @ApiTagNameConflict()
  @ApiProblems(400, 413, 415)
  async createTag(
    @Body() body: CreateTagDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TagDto> {
    const { tag, etag } = await this.tags.createTag(body);
    return replyCreated(reply, `/tags/${tag.id}`, etag, tag);
  }

  @Get()
  @ApiOperation({
    summary: 'List tags',
    description: 'Sorted by name (case-insensitive), cursor-paginated; `q` is a name prefix.',
  })
  @ApiOkResponse({ type: TagPageDto })
  @ApiProblems(400)
  listTags(@Query() query: ListTagsQueryDto): Promise<TagPageDto> {
    return this.tags.listTags(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a tag', description: 'With the number of tasks carrying it.' })
  @ApiOkResponse({ type: TagDto, description: 'The tag; `ETag` identifies this state of it.' })
  @ApiProblems(400, 404)
  async getTag(
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TagDto> {
    const { tag, etag } = await this.tags.getTag(id);
    return replyWithEtag(reply, etag, tag);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Rename or recolor a tag',
    description: 'Only the fields sent change; `color: null` removes the color.',
  })
  @ApiIfMatch('"k3J9x0aQ1bZr7TmE"')
  @ApiBody({ type: UpdateTagDto })
  @ApiOkResponse({ type: TagDto })
  @ApiTagNameConflict()
  @ApiProblems(400, 404, 412, 413, 415)
  async updateTag(
    @UuidParam('id') id: string,
    @Body() body: UpdateTagDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TagDto> {
    const { tag, etag } = await this.tags.updateTag(id, body, ifMatch);
    return replyWithEtag(reply, etag, tag);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a tag', description: 'It is detached from every task.' })
  @ApiIfMatch('"k3J9x0aQ1bZr7TmE"')
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 404, 412)
  async deleteTag(
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.tags.deleteTag(id, ifMatch);
  }

  @Get(':id/tasks')
  @ApiOperation({
    summary: 'List the tasks carrying a tag',
    description: 'Newest first, cursor-paginated; each task as `GET /tasks/:id` shows it.',
  })
  @ApiOkResponse({ type: TaskPageDto })
  @ApiProblems(400, 404)
  listTagTasks(@UuidParam('id') id: string, @Query() query: PageQueryDto): Promise<JsonText> {
    return this.tags.listTagTasks(id, query);
  }
}
