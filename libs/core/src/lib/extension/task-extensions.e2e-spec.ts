import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsString, Length } from 'class-validator';
import request from 'supertest';
import {
  DataSource,
  EntityManager,
  MigrationInterface,
  QueryRunner,
  SelectQueryBuilder,
} from 'typeorm';
import { StatementCounter, createTestApp, resetDatabase } from '../../testing';
import { unprocessable } from '../http/problem';
import { validatePlain } from '../http/validation';
import { Task } from '../tasks/task.entity';
import {
  TaskChange,
  TaskChangeListener,
  TaskExtensions,
  TaskListFilter,
  TaskViewEnricher,
} from './task-extensions';

/**
 * A feature that exists only in this test, to prove the extension point without the real
 * features: it owns two tables, adds `labels` to task views, a `label` filter to GET /tasks,
 * and writes an audit row inside the transaction of every task change.
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
  @IsString()
  @Length(1, 20)
  label: string;
}

@Injectable()
class LabelsExtension
  implements OnModuleInit, TaskViewEnricher<string[]>, TaskListFilter, TaskChangeListener
{
  readonly field = 'labels';
  readonly schema = { type: 'array' as const, items: { type: 'string' as const } };
  readonly parameters = [
    {
      name: 'label',
      description: 'Only tasks with this label.',
      schema: { type: 'string' as const },
    },
  ];

  constructor(private readonly extensions: TaskExtensions) {}

  onModuleInit(): void {
    this.extensions.addViewEnricher(this);
    this.extensions.addListFilter(this);
    this.extensions.addChangeListener(this);
  }

  async load(taskIds: readonly string[], manager: EntityManager): Promise<Map<string, string[]>> {
    const rows: { task_id: string; label: string }[] = await manager.query(
      'SELECT task_id, label FROM test_task_labels WHERE task_id = ANY($1) ORDER BY label',
      [taskIds],
    );
    const byTask = new Map<string, string[]>();
    for (const row of rows)
      byTask.set(row.task_id, [...(byTask.get(row.task_id) ?? []), row.label]);
    return byTask;
  }

  emptyValue(): string[] {
    return [];
  }

  apply(params: Readonly<Record<string, unknown>>, query: SelectQueryBuilder<Task>): void {
    const { label } = validatePlain(LabelFilterDto, params);
    query.andWhere(
      'EXISTS (SELECT 1 FROM test_task_labels l WHERE l.task_id = task.id AND l.label = :label)',
      {
        label,
      },
    );
  }

  async onTaskUpdated({ before, after }: TaskChange, manager: EntityManager): Promise<void> {
    await manager.query('INSERT INTO test_task_audit (task_id, event) VALUES ($1, $2)', [
      after.id,
      `${before.title} -> ${after.title}`,
    ]);
    if (after.title === 'forbidden') throw unprocessable('The labels feature refuses this title.');
  }

  async onTaskDeleted(task: Readonly<Task>, manager: EntityManager): Promise<void> {
    await manager.query('INSERT INTO test_task_audit (task_id, event) VALUES ($1, $2)', [
      task.id,
      'deleted',
    ]);
    if (task.title === 'undeletable') throw unprocessable('The labels feature keeps this task.');
  }
}

@Module({ providers: [LabelsExtension] })
class LabelsTestModule {}

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
      imports: [LabelsTestModule],
      migrations: [TestLabels1764450000999],
    });
    db = app.get(DataSource);
    http = request(app.getHttpServer());
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

  it('loads the field for a whole page in one statement, whatever the page size', async () => {
    const counter = new StatementCounter(db);
    const statementsFor = async (limit: number) =>
      (await counter.count(() => http.get(`/tasks?limit=${limit}`).expect(200))).length;
    for (let i = 0; i < 30; i++) await createTask(`task ${i}`, [`l${i % 3}`]);
    const [few, many] = [await statementsFor(3), await statementsFor(30)];
    counter.restore();
    expect(few).toBe(2); // the page, then the labels of all its tasks
    expect(many).toBe(few);
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

  it('does not call listeners when nothing changed', async () => {
    const id = await createTask('same');
    await http.patch(`/tasks/${id}`).send({ title: 'same' }).expect(200);
    expect(await audit(id)).toEqual([]);
  });
});
