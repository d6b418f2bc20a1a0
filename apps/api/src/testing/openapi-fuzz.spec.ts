import type { OpenAPIObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ResponseValidator,
  collectionOf,
  operationsOf,
  percentEncode,
  requestArbitrary,
} from './openapi-fuzz';

const document: OpenAPIObject = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', '..', 'openapi.json'), 'utf8'),
);
const operations = operationsOf(document);
const operation = (id: string) => operations.find((candidate) => candidate.id === id)!;

/** Core's fields of a task view, as the document shows them. */
const CORE_TASK = {
  id: '0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b',
  title: 'Renew passport',
  description: null,
  status: 'todo',
  priority: 'normal',
  dueAt: null,
  completedAt: null,
  createdAt: '2026-11-29T10:00:00.000Z',
  updatedAt: '2026-11-29T10:00:00.000Z',
  version: 1,
};

/**
 * A task view with every feature's field the document declares, empty: a list is `[]`, anything
 * else `null` (a feature's field of a task that has none), so a new feature needs no edit here.
 */
const TASK: typeof CORE_TASK & Record<string, unknown> = {
  ...Object.fromEntries(
    Object.entries(
      (document.components?.schemas?.TaskDto as { properties: Record<string, { type?: string }> })
        .properties,
    ).map(([name, schema]) => [name, schema.type === 'array' ? [] : null]),
  ),
  ...CORE_TASK,
};

/** The fuzzer's own parts: a checker that passes everything would make the suite worthless. */
describe('openapi-fuzz', () => {
  const validator = new ResponseValidator(document);

  it('accepts a body that conforms to the documented response', () => {
    expect(validator.problems(operation('createTask'), 201, 'application/json', TASK)).toEqual([]);
  });

  it.each([
    ['an undocumented property', { ...TASK, secret: 1 }],
    ['a missing property', { ...TASK, version: undefined }],
    ['a wrong type', { ...TASK, title: 7 }],
    ['a value outside the enum', { ...TASK, status: 'archived' }],
    ['null where not nullable', { ...TASK, createdAt: null }],
  ])('refuses %s', (_name, body) => {
    expect(validator.problems(operation('createTask'), 201, 'application/json', body)).not.toEqual(
      [],
    );
  });

  it('refuses a status or a content type the operation does not document', () => {
    expect(validator.problems(operation('createTask'), 418, 'application/json', {})).toEqual([
      'status 418 is not documented',
    ]);
    expect(validator.problems(operation('createTask'), 400, 'application/json', {})).toHaveLength(
      1,
    );
  });

  it('names collections from path parameters', () => {
    expect(collectionOf('/tasks/{taskId}/tags/{tagId}', 'tagId')).toBe('tags');
    expect(collectionOf('/reminders/{id}/snooze', 'id')).toBe('reminders');
  });

  it('percent-encodes an unpaired surrogate as the bytes a lenient encoder writes', () => {
    expect(percentEncode('a\ud800😀')).toBe('a%ED%A0%80%F0%9F%98%80');
  });

  it('builds requests for every operation: path filled in, headers a client can send', () => {
    const state = { ids: { tasks: [TASK.id] }, cursors: {} };
    for (const each of operations) {
      for (const request of fc.sample(requestArbitrary(document, each, state), {
        numRuns: 20,
        seed: 1,
      })) {
        expect(request.method).toBe(each.method);
        expect(request.url).not.toMatch(/\{\w+\}/);
        for (const value of Object.values(request.headers)) {
          expect(value).toMatch(/^[\t\x20-\x7e\x80-\xff]*$/);
        }
      }
    }
  });
});
