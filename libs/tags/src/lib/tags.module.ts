import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Tag } from './tag.entity';
import { TaskTag } from './task-tag.entity';
import { TagsController } from './tags.controller';
import { TagsRepository } from './tags.repository';
import { TaskTagsRepository } from './task-tags.repository';
import { TagsService } from './tags.service';
import { TagsTaskExtension } from './tags-task-extension';
import { TaskTagsController } from './task-tags.controller';

/**
 * The tags feature: `/tags`, `/tasks/:taskId/tags`, and through core's extension point the
 * `tags` field of task views and the tag filters of `GET /tasks`. Needs `CoreModule`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Tag, TaskTag])],
  controllers: [TagsController, TaskTagsController],
  providers: [TagsRepository, TaskTagsRepository, TagsService, TagsTaskExtension],
  exports: [TagsService],
})
export class TagsModule {}
