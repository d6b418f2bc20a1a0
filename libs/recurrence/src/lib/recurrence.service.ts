import { Injectable } from '@nestjs/common';
import { Page, PageQueryDto, TasksService, assertIfMatch, notFound } from '@task-api/core';
import { createHash } from 'node:crypto';
import { CreateTaskRecurrenceDto } from './dto/create-recurrence.dto';
import { ListRecurrenceQueryDto } from './dto/list-recurrence-query.dto';
import { RecurrenceDto } from './dto/recurrence.dto';
import { UpdateRecurrenceDto } from './dto/update-recurrence.dto';
import { Recurrence } from './recurrence.entity';
import {
  RECURRENCE_ORDER,
  RecurrenceChanges,
  RecurrenceRepository,
  isMissingTask,
} from './recurrence.repository';

/** A view with its ETag, for the controller to put in the header. */
export interface RecurrenceWithEtag {
  recurrence: RecurrenceDto;
  etag: string;
}

/** A digest of what a client can change plus the time of the last change. */
export const etagOfRecurrence = (recurrence: Pick<Recurrence, 'body' | 'updatedAt'>): string => {
  const digest = createHash('sha256')
    .update(`${recurrence.body}\u0000${recurrence.updatedAt.toISOString()}`)
    .digest('base64url');
  return `"${digest.slice(0, 16)}"`;
};

export function toRecurrenceDto(recurrence: Recurrence): RecurrenceDto {
  return {
    id: recurrence.id,
    taskId: recurrence.taskId,
    body: recurrence.body,
    createdAt: recurrence.createdAt.toISOString(),
    updatedAt: recurrence.updatedAt.toISOString(),
  };
}

@Injectable()
export class RecurrenceService {
  constructor(
    private readonly recurrence: RecurrenceRepository,
    private readonly tasks: TasksService,
  ) {}

  /** 404 for an unknown task: checked first, and enforced by the foreign key under a race. */
  async createRecurrence(
    taskId: string,
    input: CreateTaskRecurrenceDto,
  ): Promise<RecurrenceWithEtag> {
    await this.tasks.require(taskId);
    try {
      return withEtag(await this.recurrence.insert({ taskId, body: input.body }));
    } catch (error) {
      if (isMissingTask(error)) throw notFound('Task', taskId);
      throw error;
    }
  }

  async getRecurrence(id: string): Promise<RecurrenceWithEtag> {
    const recurrence = await this.recurrence.findById(id);
    if (!recurrence) throw notFound('Recurrence', id);
    return withEtag(recurrence);
  }

  listRecurrence(query: ListRecurrenceQueryDto): Promise<Page<RecurrenceDto>> {
    return this.page(query.taskId, query);
  }

  async listTaskRecurrence(taskId: string, query: PageQueryDto): Promise<Page<RecurrenceDto>> {
    await this.tasks.require(taskId);
    return this.page(taskId, query);
  }

  async updateRecurrence(
    id: string,
    input: UpdateRecurrenceDto,
    ifMatch?: string,
  ): Promise<RecurrenceWithEtag> {
    const updated = await this.recurrence.transaction(async (manager) => {
      const before = await this.recurrence.findForUpdate(manager, id);
      if (!before) throw notFound('Recurrence', id);
      assertIfMatch('recurrence', etagOfRecurrence(before), ifMatch);
      const changes = changesOf(before, input);
      return Object.keys(changes).length > 0
        ? this.recurrence.update(manager, id, changes)
        : before;
    });
    return withEtag(updated);
  }

  async deleteRecurrence(id: string, ifMatch?: string): Promise<void> {
    await this.recurrence.transaction(async (manager) => {
      const recurrence = await this.recurrence.findForUpdate(manager, id);
      if (!recurrence) throw notFound('Recurrence', id);
      assertIfMatch('recurrence', etagOfRecurrence(recurrence), ifMatch);
      await this.recurrence.delete(manager, id);
    });
  }

  private async page(
    taskId: string | undefined,
    query: PageQueryDto,
  ): Promise<Page<RecurrenceDto>> {
    // A cursor belongs to the task it lists the recurrence of (or to none).
    const scope = taskId ?? '';
    const after = RECURRENCE_ORDER.decode(query.cursor, scope);
    const rows = await this.recurrence.findPage({ taskId, after, limit: query.limit });
    return RECURRENCE_ORDER.page(
      rows,
      query.limit,
      toRecurrenceDto,
      (recurrence) => ({ value: recurrence.createdAt, id: recurrence.id }),
      scope,
    );
  }
}

function withEtag(recurrence: Recurrence): RecurrenceWithEtag {
  return { recurrence: toRecurrenceDto(recurrence), etag: etagOfRecurrence(recurrence) };
}

/** Only the fields that really change: an unchanged PATCH writes nothing. */
function changesOf(before: Recurrence, input: UpdateRecurrenceDto): RecurrenceChanges {
  const changes: RecurrenceChanges = {};
  if (input.body !== undefined && input.body !== before.body) changes.body = input.body;
  return changes;
}
