import type {
  OpenAPIObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { Type } from '@nestjs/common';
import {
  VALIDATION_OPTIONS,
  acceptedInstance,
  documentedProperties,
  fastPathHandles,
} from '@task-api/core';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// Every library's DTOs, as the app composes them: their decorators fill class-validator's storage.
import './features';
import { ValueArbitraries } from './testing/openapi-fuzz';

/**
 * The validation fast path (core's `acceptedInstance`) against class-transformer and
 * class-validator themselves, on every DTO class of the app (core's and each feature's,
 * found in class-validator's storage, so a new feature's DTOs are compared without edits):
 * it may say yes only where they say yes, with the same DTO, and must say yes wherever they
 * do for the plain input it handles.
 */

const document: OpenAPIObject = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'openapi.json'), 'utf8'),
);
const values = new ValueArbitraries(document, { ids: {}, cursors: {} });

/** Every class with class-validator rules, once every library's decorators have run. */
function dtoClasses(): Type<object>[] {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<Type<object>, unknown[]>;
  };
  return [...storage.validationMetadatas.keys()].filter((type) => typeof type === 'function');
}

/** The body schema the document gives the class, or one made of its documented properties. */
function schemaOf(type: Type<object>): SchemaObject {
  const component = document.components?.schemas?.[type.name] as SchemaObject | undefined;
  if (component) return component;
  const properties = Object.fromEntries(
    documentedProperties(type).map(({ name, options }) => [name, options as SchemaObject]),
  );
  return { type: 'object', properties };
}

/** What a query string gives for a value: its text, or several texts for a repeated name. */
const asQueryValue = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map((item) => String(item))
    : value === undefined
      ? value
      : String(value);

function plainOf(type: Type<object>): fc.Arbitrary<Record<string, unknown>> {
  const object = values.object(schemaOf(type));
  return fc
    .tuple(object, fc.boolean())
    .map(([body, fromQuery]) =>
      fromQuery
        ? Object.fromEntries(Object.entries(body).map(([key, value]) => [key, asQueryValue(value)]))
        : body,
    );
}

/** The libraries' answer: the DTO, and whether it is valid. */
function libraries(type: Type<object>, plain: object): { instance: object; valid: boolean } {
  const instance = plainToInstance(type, plain);
  return { instance, valid: validateSync(instance, VALIDATION_OPTIONS).length === 0 };
}

/** Plain input the fast path handles: no nested objects (JSON and query strings give these). */
const isFlat = (plain: object): boolean =>
  Object.values(plain).every(
    (value) =>
      value === null ||
      typeof value !== 'object' ||
      (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object')),
  );

describe('validation fast path', () => {
  const classes = dtoClasses();

  it('finds the DTOs of core and of every feature', () => {
    const names = classes.map((type) => type.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'CreateTaskDto',
        'ListTasksQueryDto',
        'CreateTagDto',
        'CreateReminderDto',
        'PutRecurrenceDto',
      ]),
    );
  });

  it('handles the DTOs of the busiest requests', () => {
    const handled = classes.filter((type) => fastPathHandles(type)).map((type) => type.name);
    expect(handled).toEqual(
      expect.arrayContaining(['CreateTaskDto', 'UpdateTaskDto', 'ListTasksQueryDto']),
    );
  });

  it.each(classes.map((type) => [type.name, type] as const))(
    '%s: yes exactly where the libraries say yes, with the same DTO',
    (_name, type) => {
      const handled = fastPathHandles(type);
      let accepted = 0;
      fc.assert(
        fc.property(plainOf(type), (plain) => {
          const fast = acceptedInstance(type, plain);
          const full = libraries(type, plain);
          if (fast !== undefined) {
            accepted += 1;
            expect(full.valid).toBe(true);
            expect(fast).toStrictEqual(full.instance);
          }
          // A DTO it handles, on flat input (what JSON bodies and query strings mostly are):
          // never a valid input left to the slow path.
          if (handled && isFlat(plain)) expect(fast !== undefined).toBe(full.valid);
        }),
        { numRuns: 300 },
      );
      if (handled) expect(accepted).toBeGreaterThan(0);
    },
  );
});
