import {
  ArgumentMetadata,
  Param,
  ParseUUIDPipe,
  Type,
  ValidationError,
  ValidationPipe,
  ValidationPipeOptions,
} from '@nestjs/common';
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
  validateSync,
} from 'class-validator';
import { documentedProperties } from './openapi-parameters';
import { FieldError, ProblemException, badRequest } from './problem';
import { normalizeText, textProblems } from './text';

const invalid = (errors: FieldError[]): ProblemException =>
  badRequest('The request is invalid.', errors);

/** Every DTO is validated alike: unknown fields rejected, values converted to their types. */
export const VALIDATION_OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  // Every failed rule of a field is collected; `flattenValidationErrors` picks the one to report.
  stopAtFirstError: false,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => invalid(flattenValidationErrors(errors)),
};

/**
 * The global pipe. Before class-validator sees a body, query or path parameter, it applies the
 * rules every string obeys (no NUL, no unpaired surrogate, NFC) and, for a DTO body, what the
 * OpenAPI document says of each property: `required` (absent is "is required") and `nullable`
 * (`null` anywhere else is "must not be null", never read as absent).
 */
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super(VALIDATION_OPTIONS);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // What a custom parameter decorator returns is the app's own, not client input.
    if (metadata.type === 'custom') return super.transform(value, metadata);
    const dto = metadata.type === 'body' ? dtoClassOf(metadata) : undefined;
    if (dto && value !== undefined && !isPlainObject(value)) {
      throw invalid([{ field: 'body', message: 'the request body must be a JSON object' }]);
    }
    const problems = [
      ...textProblems(value, metadata.type === 'body' ? '' : (metadata.data ?? '')),
      ...(dto ? presenceProblems((value ?? {}) as Record<string, unknown>, dto) : []),
    ];
    const normalized = normalizeText(value);
    if (problems.length === 0) return super.transform(normalized, metadata);
    // Report the other fields' problems too, each field once.
    const others = await super.transform(normalized, metadata).then(
      () => [],
      (error: unknown) => (error instanceof ProblemException ? (error.extras.errors ?? []) : []),
    );
    const named = new Set(problems.map((problem) => problem.field));
    throw invalid([...problems, ...others.filter((error) => !named.has(error.field))]);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe();
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The DTO class a body is validated against; none for `Object`, primitives and arrays. */
function dtoClassOf(metadata: ArgumentMetadata): Type<unknown> | undefined {
  const type = metadata.metatype;
  if (!type || [Object, String, Number, Boolean, Array].includes(type as never)) return undefined;
  return type;
}

function presenceProblems(body: Record<string, unknown>, dto: Type<unknown>): FieldError[] {
  return documentedProperties(dto).flatMap(({ name, options }): FieldError[] => {
    const value = Object.hasOwn(body, name) ? body[name] : undefined;
    if (value === undefined && options.required !== false) {
      return [{ field: name, message: `${name} is required` }];
    }
    if (value === null && !options.nullable) {
      return [{ field: name, message: `${name} must not be null` }];
    }
    return [];
  });
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
  const instance = plainToInstance(type, plain);
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: false,
  });
  if (errors.length > 0) throw invalid(flattenValidationErrors(errors));
  return instance;
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
