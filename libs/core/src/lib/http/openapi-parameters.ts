import { Type, applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { ParameterObject, SchemaObject } from '@nestjs/swagger';

/** Where @ApiProperty keeps its metadata (not exported by @nestjs/swagger's public entry). */
const MODEL_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';
const MODEL_PROPERTIES = 'swagger/apiModelProperties';

type PropertyOptions = SchemaObject & {
  type?: unknown;
  isArray?: boolean;
  required?: boolean;
};

/** The properties a DTO documents with `@ApiProperty`: its query parameters' names. */
export function queryParameterNamesOf(dto: Type<unknown>): string[] {
  return (Reflect.getMetadata(MODEL_PROPERTIES_ARRAY, dto.prototype) ?? []).map((name: string) =>
    name.replace(/^:/, ''),
  );
}

export interface DocumentedProperty {
  name: string;
  /** `@ApiProperty` options as written (`required` is absent when the property is required). */
  options: PropertyOptions;
}

/**
 * The properties a DTO documents, with their `@ApiProperty` options: the OpenAPI document is
 * built from these, and the validation pipe enforces their `required` and `nullable`, so the
 * two cannot disagree.
 */
export function documentedProperties(dto: Type<unknown>): readonly DocumentedProperty[] {
  let properties = documented.get(dto);
  if (!properties) {
    properties = queryParameterNamesOf(dto).map((name) => ({
      name,
      options: optionsOf(dto, name),
    }));
    documented.set(dto, properties);
  }
  return properties;
}

/** Decorators have run when a class exists: what it documents is read once (the pipe asks per request). */
const documented = new WeakMap<Type<unknown>, readonly DocumentedProperty[]>();

function optionsOf(dto: Type<unknown>, name: string): PropertyOptions {
  return Reflect.getMetadata(MODEL_PROPERTIES, dto.prototype, name) ?? {};
}

/**
 * Documents every property of a query DTO as a query parameter, for handlers that take the raw
 * query (because features add parameters of their own) and validate it themselves.
 */
export function ApiQueryFrom(dto: Type<unknown>): MethodDecorator {
  return applyDecorators(
    ...queryParameterNamesOf(dto).map((name) =>
      ApiQuery({ name, required: false, ...(optionsOf(dto, name) as object) }),
    ),
  );
}

const SCALAR_TYPES = new Map<unknown, string>([
  [String, 'string'],
  [Number, 'number'],
  [Boolean, 'boolean'],
]);

/**
 * The same parameters as OpenAPI objects, for a document already built (a feature's filter on
 * `GET /tasks` is added once the app knows which features it has). Scalar types and arrays of
 * them, which is what a query string carries.
 */
export function queryParametersOf(dto: Type<unknown>): ParameterObject[] {
  return queryParameterNamesOf(dto).map((name) => {
    const {
      description,
      example,
      type,
      isArray,
      required: _required,
      ...schema
    } = optionsOf(dto, name);
    const itemType = Array.isArray(type) ? type[0] : type;
    const scalar =
      SCALAR_TYPES.get(itemType) ?? (typeof itemType === 'string' ? itemType : 'string');
    const array = isArray || Array.isArray(type);
    const { enum: values, ...rest } = schema;
    const items = { type: scalar, ...(values ? { enum: values } : {}) } as SchemaObject;
    return {
      name,
      in: 'query',
      required: false,
      description,
      schema: array ? { type: 'array', items, ...rest } : { ...items, ...rest },
      example,
    };
  });
}
