export { TagsModule } from './lib/tags.module';
export { Tag } from './lib/tag.entity';
export { TaskTag } from './lib/task-tag.entity';
export { TagsService } from './lib/tags.service';
export { TagDto, TagSummaryDto, TagPageDto } from './lib/dto/tag.dto';
export { CreateTagDto, AttachTagByNameDto } from './lib/dto/create-tag.dto';
export { UpdateTagDto } from './lib/dto/update-tag.dto';
export { ReplaceTaskTagsDto } from './lib/dto/replace-task-tags.dto';
export { tagsMigrations } from './lib/migrations';
