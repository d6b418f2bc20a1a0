import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
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
  ApiReadEtag,
  IfMatch,
  Tagged,
  ApiProblems,
  PageQueryDto,
  JsonText,
  TaskPageDto,
  UuidParam,
  CurrentUser,
  Principal,
} from '@task-api/core';
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
    @CurrentUser() user: Principal,
    @Body() body: CreateTagDto,
  ): Promise<Tagged<TagDto>> {
    return this.tags.create(user, body);
  }

  @Get()
  @ApiOperation({
    summary: 'List tags',
    description: 'Sorted by name (case-insensitive), cursor-paginated; `q` is a name prefix.',
  })
  @ApiOkResponse({ type: TagPageDto })
  @ApiProblems(400)
  listTags(@CurrentUser() user: Principal, @Query() query: ListTagsQueryDto): Promise<TagPageDto> {
    return this.tags.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a tag', description: 'With the number of tasks carrying it.' })
  @ApiReadEtag(TagDto, 'The tag; `ETag` identifies this state of it, its count included.')
  @ApiProblems(400, 404)
  async getTag(
    @CurrentUser() user: Principal,
    @UuidParam('id') id: string,
  ): Promise<Tagged<TagDto>> {
    return this.tags.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Rename or recolor a tag',
    description: 'Only the fields sent change; `color: null` removes the color.',
  })
  @ApiIfMatch()
  @ApiBody({ type: UpdateTagDto })
  @ApiOkResponse({ type: TagDto })
  @ApiTagNameConflict()
  @ApiProblems(400, 404, 412, 413, 415)
  async updateTag(
    @CurrentUser() user: Principal,
    @UuidParam('id') id: string,
    @Body() body: UpdateTagDto,
    @IfMatch() ifMatch: string | undefined,
  ): Promise<Tagged<TagDto>> {
    return this.tags.update(user, id, body, ifMatch);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a tag', description: 'It is detached from every task.' })
  @ApiIfMatch()
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 404, 412)
  async deleteTag(
    @CurrentUser() user: Principal,
    @UuidParam('id') id: string,
    @IfMatch() ifMatch: string | undefined,
  ): Promise<void> {
    await this.tags.remove(user, id, ifMatch);
  }

  @Get(':id/tasks')
  @ApiOperation({
    summary: 'List the tasks carrying a tag',
    description: 'Newest first, cursor-paginated; each task as `GET /tasks/:id` shows it.',
  })
  @ApiOkResponse({ type: TaskPageDto })
  @ApiProblems(400, 404)
  listTagTasks(
    @CurrentUser() user: Principal,
    @UuidParam('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<JsonText> {
    return this.tags.listTagTasks(user, id, query);
  }
}
