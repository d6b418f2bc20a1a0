import { Injectable, Module } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import request from 'supertest';
import { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { StatementCounter, createTestApp, createTestUser, resetDatabase } from '../../testing';
import { unprocessable } from '../http/problem';
import { Sql, raw, sql } from '../query/sql';
import { Task } from '../tasks/task.entity';
import type { TaskChanges } from '../tasks/tasks.repository';
import {
  TaskChange,
  TaskChangeAmender,
  TaskChangeListener,
  TaskContribution,
  TaskListFilter,
  TaskViewField,
} from './task-extensions';

/**
 * A feature that exists only in this test, to prove the extension point without the real
 * features: it owns two tables, adds `labels` to task views, a `label` filter to GET /tasks,
 * and writes an audit row inside the transaction of every change of a task's title.
 */
class TestLabels1764450000999 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE test_task_labels (
      task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE, label text NOT NULL,
      PRIMARY KEY (task_id, label))`);
    await db.query(`CREATE TABLE test_task_audit (task_id uuid NOT NULL, event text NOT NULL)`);
  }
  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE test_task_audit`);
    await db.query(`DROP TABLE test_task_labels`);
  }
}

class LabelFilterDto {
  @ApiProperty({ type: String, description: 'Only tasks with this label.', example: 'home' })
  @IsString()
  @Length(1, 20)
  label: string;
}

@Injectable()
@TaskContribution({ order: 50 })
class LabelsExtension implements TaskViewField, TaskListFilter<LabelFilterDto>, TaskChangeListener {
  readonly field = 'labels';
  readonly schema = { type: 'array' as const, items: { type: 'string' as const } };
  readonly viewSql = raw(`coalesce((SELECT json_agg(l.label ORDER BY l.label)
      FROM test_task_labels l WHERE l.task_id = task.id), '[]'::json)`);
  readonly parameters = LabelFilterDto;
  readonly watches: readonly (keyof Task)[] = ['title'];

  where({ label }: LabelFilterDto): Sql {
    return sql`EXISTS (SELECT 1 FROM test_task_labels l WHERE l.task_id = task.id AND l.label = ${label})`;
  }

  async onTaskUpdated(manager: EntityManager, { before, after }: TaskChange): Promise<void> {
    await manager.query('INSERT INTO test_task_audit (task_id, event) VALUES ($1, $2)', [
      after.id,
      `${before.title} -> ${after.title}`,
    ]);
    if (after.title === 'forbidden') throw unprocessable('The labels feature refuses this title.');
  }

  async onTaskDeleted(manager: EntityManager, task: Readonly<Task>): Promise<void> {
    await manager.query('INSERT INTO test_task_audit (task_id, event) VALUES ($1, $2)', [
      task.id,
      'deleted',
    ]);
    if (task.title === 'undeletable') throw unprocessable('The labels feature keeps this task.');
  }
}

/** A second test feature, imported after the first but ordered before it. */
@Injectable()
@TaskContribution({ order: 5 })
class PinnedExtension implements TaskViewField {
  readonly field = 'pinned';
  readonly schema = { type: 'boolean' as const };
  readonly viewSql = sql`(task.title LIKE ${'pin%'})`;
}

/**
 * Amends an update before it is written: an urgent task gets a title that says so. Imported
 * last, ordered first: the labels listener (order 50) sees the amended title.
 */
@Injectable()
@TaskContribution({ order: 1 })
class UrgentTitleAmender implements TaskChangeAmender {
  readonly watches: readonly (keyof Task)[] = ['priority'];

  async amendTaskUpdate(
    _manager: EntityManager,
    before: Readonly<Task>,
    changes: Readonly<TaskChanges>,
  ): Promise<TaskChanges> {
    if (changes.priority !== 'urgent') return changes;
    return { ...changes, title: `URGENT: ${changes.title ?? before.title}` };
  }
}

@Module({ providers: [LabelsExtension] })
class LabelsTestModule {}

@Module({ providers: [PinnedExtension] })
class PinnedTestModule {}

@Module({ providers: [UrgentTitleAmender] })
class AmenderTestModule {}

describe('Task extension point (e2e, with a test-only feature)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;
  let db: DataSource;

  const createTask = async (title: string, labels: string[] = []): Promise<string> => {
    const { id } = (await http.post('/tasks').send({ title }).expect(201)).body;
    for (const label of labels)
      await db.query('INSERT INTO test_task_labels VALUES ($1, $2)', [id, label]);
    return id;
  };
  const audit = async (taskId: string): Promise<string[]> =>
    (await db.query('SELECT event FROM test_task_audit WHERE task_id = $1', [taskId])).map(
      (row: { event: string }) => row.event,
    );

  beforeAll(async () => {
    app = await createTestApp({
      imports: [LabelsTestModule, PinnedTestModule, AmenderTestModule],
      migrations: [TestLabels1764450000999],
    });
    db = app.get(DataSource);
    http = request.agent(app.getHttpServer()).set((await createTestUser(app)).headers);
  });
  beforeEach(() => resetDatabase(app));
  afterAll(() => app.close());

  it('adds the feature field to single tasks and to every task of a list', async () => {
    const id = await createTask('labelled', ['home', 'errand']);
    await createTask('plain');
    expect((await http.get(`/tasks/${id}`).expect(200)).body.labels).toEqual(['errand', 'home']);
    const items = (await http.get('/tasks?sort=createdAt').expect(200)).body.items;
    expect(items.map((task: { labels: string[] }) => task.labels)).toEqual([
      ['errand', 'home'],
      [],
    ]);
  });

  it('reads a task, and a page whatever its size, in one statement with every field', async () => {
    const counter = new StatementCounter(db);
    const statementsFor = async (path: string) =>
      (await counter.count(() => http.get(path).expect(200))).length;
    for (let i = 0; i < 30; i++) await createTask(`task ${i}`, [`l${i % 3}`]);
    const id = await createTask('one', ['x']);
    const counts = [
      await statementsFor('/tasks?limit=3'),
      await statementsFor('/tasks?limit=30'),
      await statementsFor('/tasks?limit=30&label=l1&status=todo'),
      await statementsFor(`/tasks/${id}`),
    ];
    counter.restore();
    expect(counts).toEqual([1, 1, 1, 1]);
  });

  it('orders the fields by their contributions’ order, not by import order', async () => {
    const id = await createTask('not pinned', ['home']);
    const response = await http.get(`/tasks/${id}`).expect(200);
    // The body is the JSON text PostgreSQL built: its key order is the statement's.
    expect(Object.keys(JSON.parse(response.text)).slice(-2)).toEqual(['pinned', 'labels']);
    expect(response.body).toMatchObject({ pinned: false, labels: ['home'] });
    const pinned = await createTask('pin me');
    expect((await http.get(`/tasks/${pinned}`).expect(200)).body.pinned).toBe(true);
  });

  it('applies its list filter as SQL, combined with core filters', async () => {
    const home = await createTask('home done', ['home']);
    await http.patch(`/tasks/${home}`).send({ status: 'done' }).expect(200);
    const homeTodo = await createTask('home todo', ['home']);
    await createTask('work', ['work']);
    const ids = async (query: string) =>
      (await http.get(`/tasks?${query}`).expect(200)).body.items
        .map((task: { id: string }) => task.id)
        .sort();
    expect(await ids('label=home')).toEqual([home, homeTodo].sort());
    expect(await ids('label=home&status=todo')).toEqual([homeTodo]);
  });

  it('validates its own parameters with a 400 problem, and still refuses unknown ones', async () => {
    const bad = await http.get(`/tasks?label=${'x'.repeat(21)}`).expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'label' })]);
    await http.get('/tasks?labels=home').expect(400);
  });

  it('documents its parameter and its field in the OpenAPI document', async () => {
    const document = (await http.get('/docs-json').expect(200)).body;
    const parameters = document.paths['/tasks'].get.parameters.map((p: { name: string }) => p.name);
    expect(parameters).toEqual(expect.arrayContaining(['label', 'status', 'limit', 'cursor']));
    expect(document.components.schemas.TaskDto.properties.labels).toEqual({
      type: 'array',
      items: { type: 'string' },
    });
    expect(document.paths['/tasks'].get.parameters).toContainEqual({
      name: 'label',
      in: 'query',
      required: false,
      description: 'Only tasks with this label.',
      schema: { type: 'string' },
      example: 'home',
    });
  });

  it('takes part in an update inside its transaction', async () => {
    const id = await createTask('before');
    await http.patch(`/tasks/${id}`).send({ title: 'after' }).expect(200);
    expect(await audit(id)).toEqual(['before -> after']);
  });

  it('refuses an update by throwing: the task and its own writes roll back together', async () => {
    const id = await createTask('before');
    const refused = await http.patch(`/tasks/${id}`).send({ title: 'forbidden' }).expect(422);
    expect(refused.body.detail).toBe('The labels feature refuses this title.');
    expect((await http.get(`/tasks/${id}`).expect(200)).body).toMatchObject({
      title: 'before',
      version: 1,
    });
    expect(await audit(id)).toEqual([]);
  });

  it('takes part in a delete, and can refuse it', async () => {
    const id = await createTask('gone', ['x']);
    await http.delete(`/tasks/${id}`).expect(204);
    expect(await audit(id)).toEqual(['deleted']);
    expect(await db.query('SELECT * FROM test_task_labels WHERE task_id = $1', [id])).toEqual([]);

    const kept = await createTask('undeletable');
    await http.delete(`/tasks/${kept}`).expect(422);
    await http.get(`/tasks/${kept}`).expect(200);
    expect(await audit(kept)).toEqual([]);
  });

  it('does not call listeners when nothing they watch changed', async () => {
    const id = await createTask('same');
    await http.patch(`/tasks/${id}`).send({ title: 'same' }).expect(200);
    await http.patch(`/tasks/${id}`).send({ priority: 'high' }).expect(200);
    expect(await audit(id)).toEqual([]);
  });

  it('lets an amender change an update before it is written; listeners see the final change', async () => {
    const id = await createTask('call back');
    const amended = await http.patch(`/tasks/${id}`).send({ priority: 'urgent' }).expect(200);
    // Written once (version 2), with the amender's title; the listener watching `title` was
    // called although the request did not change it.
    expect(amended.body).toMatchObject({
      title: 'URGENT: call back',
      priority: 'urgent',
      version: 2,
    });
    expect(await audit(id)).toEqual(['call back -> URGENT: call back']);
  });
});
