import { ArgumentMetadata, Param, ParseUUIDPipe, PipeTransform, Type } from '@nestjs/common';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import {
  IS_ARRAY,
  IS_BOOLEAN,
  IS_ENUM,
  IS_IN,
  IS_INT,
  IS_NUMBER,
  IS_STRING,
  IS_UUID,
  ValidationError,
  ValidatorOptions,
  validateSync,
} from 'class-validator';
import { acceptedInstance } from './dto-plan';
import { documentedProperties } from './openapi-parameters';
import { FieldError, ProblemException, badRequest } from './problem';
import { normalizeText, textProblems } from './text';

const invalid = (errors: FieldError[]): ProblemException =>
  badRequest('The request is invalid.', errors);

/** Every DTO is validated alike: unknown fields rejected, every failed rule collected. */
export const VALIDATION_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  // Every failed rule of a field is collected; `flattenValidationErrors` picks the one to report.
  stopAtFirstError: false,
  validationError: { target: false, value: false },
};

/**
 * The global pipe. Before class-validator sees a body, query or path parameter, it applies the
 * rules every string obeys (no NUL, no unpaired surrogate, NFC) and, for a DTO body, what the
 * OpenAPI document says of each property: `required` (absent is "is required") and `nullable`
 * (`null` anywhere else is "must not be null", never read as absent). The DTO is then built and
 * validated as `validatePlain` does it, synchronously. Not Nest's `ValidationPipe`: what it adds
 * guards against values a JSON body or a query string cannot hold (sparse arrays, binary values,
 * prototype keys, which Fastify's parser already refuses), at the price of more walks of every
 * value and promises in each request.
 */
export class RequestValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // What a custom parameter decorator returns is the app's own, not client input.
    if (metadata.type === 'custom') return value;
    const dto = dtoClassOf(metadata);
    const isBody = metadata.type === 'body';
    if (dto && isBody && value !== undefined && !isPlainObject(value)) {
      throw invalid([{ field: 'body', message: 'the request body must be a JSON object' }]);
    }
    const problems = textProblems(value, isBody ? '' : (metadata.data ?? ''));
    if (dto && isBody) problems.push(...presenceProblems((value ?? {}) as object, dto));
    const normalized = normalizeText(value);
    if (!dto) {
      if (problems.length > 0) throw invalid(problems);
      return normalized;
    }
    const { instance, errors } = validated(dto, (normalized ?? {}) as object);
    if (problems.length === 0 && errors.length === 0) return instance;
    // Report the other fields' problems too, each field once.
    const named = new Set(problems.map((problem) => problem.field));
    throw invalid([...problems, ...errors.filter((error) => !named.has(error.field))]);
  }
}

export function createValidationPipe(): PipeTransform {
  return new RequestValidationPipe();
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The DTO class a body is validated against; none for `Object`, primitives and arrays. */
function dtoClassOf(metadata: ArgumentMetadata): Type<object> | undefined {
  const type = metadata.metatype;
  if (!type || [Object, String, Number, Boolean, Array].includes(type as never)) return undefined;
  return type as Type<object>;
}

function presenceProblems(body: object, dto: Type<unknown>): FieldError[] {
  const problems: FieldError[] = [];
  for (const { name, options } of documentedProperties(dto)) {
    const value = Object.hasOwn(body, name) ? (body as Record<string, unknown>)[name] : undefined;
    if (value === undefined && options.required !== false) {
      problems.push({ field: name, message: `${name} is required` });
    } else if (value === null && !options.nullable) {
      problems.push({ field: name, message: `${name} must not be null` });
    }
  }
  return problems;
}

/** class-validator rules that check a value's type (`isInstant` is core's own, in instant.ts). */
const TYPE_CHECKS = [
  IS_STRING,
  IS_INT,
  IS_NUMBER,
  IS_BOOLEAN,
  IS_ARRAY,
  IS_UUID,
  IS_IN,
  IS_ENUM,
  'isInstant',
];

/**
 * Nested class-validator errors become `{ field: "a.b", message }` entries, one per field: the
 * failed type check if there is one (`"ten"` for `minutes` "must be an integer", not "must not
 * be greater than 10080"), else the first rule broken.
 */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const failed = Object.entries(error.constraints ?? {});
    const reported = failed.find(([rule]) => TYPE_CHECKS.includes(rule)) ?? failed[0];
    const own = reported
      ? [
          {
            field,
            message: reported[1].replace(
              /^property (\S+) should not exist$/,
              'is not a known field',
            ),
          },
        ]
      : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * Validates a plain object (e.g. the query parameters a feature owns) with the same rules and
 * the same 400 problem as the global pipe (the raw query already went through its text rules).
 */
export function validatePlain<T extends object>(type: ClassConstructor<T>, plain: object): T {
  const { instance, errors } = validated(type, plain);
  if (errors.length > 0) throw invalid(errors);
  return instance;
}

/**
 * The DTO built from `plain` and what is wrong with it, one entry per field. Valid input most
 * often takes the fast path (same decorators, read once); the rest goes through the libraries.
 */
function validated<T extends object>(
  type: ClassConstructor<T>,
  plain: object,
): { instance: T; errors: FieldError[] } {
  const accepted = acceptedInstance(type, plain);
  if (accepted) return { instance: accepted, errors: [] };
  const instance = plainToInstance(type, plain);
  return { instance, errors: flattenValidationErrors(validateSync(instance, VALIDATION_OPTIONS)) };
}

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export const UuidParam = (name: string): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        badRequest(`Path parameter ${name} must be a UUID.`, [
          { field: name, message: 'must be a UUID' },
        ]),
    }),
  );

/** A list query parameter: `?status=todo,done` and `?status=todo&status=done` mean the same. */
export const commaList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value])
    .flatMap((item) => String(item).split(','))
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
