import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';

/**
 * Requests generated from the OpenAPI document alone: every operation, every documented
 * parameter and body property, with valid, boundary and hostile values. A new endpoint is
 * fuzzed as soon as it is in the document.
 */

export interface Operation {
  id: string;
  method: string;
  /** The templated path, e.g. `/tasks/{taskId}/tags/{tagId}`. */
  path: string;
  parameters: ParameterObject[];
  body?: SchemaObject;
  responses: OperationObject['responses'];
}

/** What the fuzzer knows of the database: ids by collection, cursors by operation id. */
export interface FuzzState {
  ids: Record<string, string[]>;
  cursors: Record<string, string[]>;
}

export interface FuzzRequest {
  method: string;
  /** Path and query string, already encoded. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function operationsOf(document: OpenAPIObject): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method): Operation => {
      const operation = item[method] as OperationObject;
      const content = (
        operation.requestBody as { content?: Record<string, { schema?: SchemaObject }> }
      )?.content;
      return {
        id: operation.operationId ?? `${method} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters: (operation.parameters ?? []).map((parameter) =>
          '$ref' in parameter
            ? (document.components?.parameters?.[
                parameter.$ref.replace('#/components/parameters/', '')
              ] as ParameterObject)
            : parameter,
        ),
        body: content?.['application/json']?.schema,
        responses: operation.responses,
      };
    }),
  );
}

/**
 * The collection a path parameter names: `{taskId}` → `tasks`, and `{id}` → the segment before
 * it (`/reminders/{id}` → `reminders`).
 */
export function collectionOf(path: string, parameter: string): string {
  if (parameter !== 'id') return `${parameter.replace(/Id$/, '')}s`;
  const segments = path.split('/');
  return segments[segments.indexOf('{id}') - 1];
}

// --- values -------------------------------------------------------------------------------

const FIRST = Date.UTC(1970, 0, 1);
const LAST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Strings a server must survive in any position. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00',
  '\ud83d',
  'e' + '\u0301'.repeat(40),
  '\u200b\u200d\ufeff',
  'a\ufe0f'.repeat(64),
  '😀'.repeat(201),
  'x'.repeat(10_001),
  "'; DROP TABLE tasks; --",
  '%',
  '%00',
  '../../etc/passwd',
  '{"$ne":null}',
  '__proto__',
  '1e309',
  '-0',
  'NaN',
  'true',
  'null',
  '9'.repeat(40),
  ',,,',
  'a,b',
  'urgent',
  '2026-12-01T09:00:00',
  '2026-12-01',
];

const HOSTILE_INSTANTS = [
  '0000-01-01T00:00:00Z',
  '1969-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00Z',
  '1970-01-01T00:00:00+00:01',
  '9999-12-31T23:59:59.999Z',
  '9999-12-31T23:59:59-23:59',
  '9999-12-31T23:59:59.999999999+23:59',
  '+010000-01-01T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '2026-12-01T24:00:00Z',
  '2026-12-01T09:00:00+24:00',
  '2026-12-01T09:00:00',
];

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...HOSTILE_INSTANTS),
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    2 ** 53,
    {},
    [],
    [null],
    ['a', 'b'],
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

/** An RFC 3339 text of an instant in the accepted range, with a random offset. */
const instantText: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: FIRST, max: LAST }),
    fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
  )
  .map(([time, offset]) => {
    const local = new Date(time + offset * 60_000);
    if (local.getTime() < FIRST || local.getTime() > LAST) return new Date(time).toISOString();
    const sign = offset < 0 ? '-' : '+';
    const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
    const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
    return `${local.toISOString().slice(0, -1)}${sign}${hours}:${minutes}`;
  });

/** Instants from an hour to ten years ahead: what a reminder's `remindAt` must be. */
const futureInstantText: fc.Arbitrary<string> = fc
  .integer({ min: 3_600_000, max: 10 * 365 * 86_400_000 })
  .map((ahead) => new Date(Date.now() + ahead).toISOString());

/** `length` code points, mixing units of one and two UTF-16 units and composable pairs. */
const textOfCodePoints = (length: number): fc.Arbitrary<string> =>
  length <= 0
    ? fc.constant('')
    : fc
        .array(fc.constantFrom('a', 'é', '😀', 'e\u0301', 'a\ufe0f', 'Z', '語'), {
          minLength: length,
          maxLength: length,
        })
        .map((units) => [...units.join('')].slice(0, length).join(''));

const resolve = (document: OpenAPIObject, schema: SchemaObject | ReferenceObject): SchemaObject => {
  if (!('$ref' in schema)) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return document.components?.schemas?.[name] as SchemaObject;
};

/** A field of a request: a path, query or header parameter, or a property of the body. */
interface Field {
  name: string;
  required: boolean;
  /** Values the API should accept (it may still refuse some, e.g. an id already deleted). */
  valid: fc.Arbitrary<unknown>;
  /** Values on and past the boundaries, and hostile ones. */
  wild: fc.Arbitrary<unknown>;
  /** Never left out, even in chaos (a path parameter). */
  always?: boolean;
}

/**
 * How a request is built: all fields valid (reaches the 2xx paths and their schemas), one
 * field wild (each rule in isolation), or every field anything (combinations).
 */
type Mode = 'valid' | 'one-wild' | 'chaos';
const MODES: fc.Arbitrary<Mode> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Mode>('valid') },
  { weight: 4, arbitrary: fc.constant<Mode>('one-wild') },
  { weight: 2, arbitrary: fc.constant<Mode>('chaos') },
);

/** Values of the fields in a mode (`wildIndex`: the wild one); `undefined` leaves one out. */
function fieldValues(fields: Field[], mode: Mode, wildIndex: number): fc.Arbitrary<unknown[]> {
  return fc.tuple(
    ...fields.map((field, index) => {
      const present = (arbitrary: fc.Arbitrary<unknown>) =>
        field.required ? arbitrary : fc.option(arbitrary, { nil: undefined });
      if (mode === 'valid') return present(field.valid);
      if (mode === 'one-wild') {
        return index === wildIndex ? field.wild : present(field.valid);
      }
      const any = fc.oneof(field.valid, field.wild);
      return field.always ? any : fc.option(any, { nil: undefined, freq: 4 });
    }),
  );
}

export class ValueArbitraries {
  constructor(
    private readonly document: OpenAPIObject,
    private readonly state: FuzzState,
  ) {}

  field(name: string, schema: SchemaObject | ReferenceObject, required: boolean): Field {
    const resolved = resolve(this.document, schema);
    return {
      name,
      required,
      valid: this.valid(resolved, name),
      wild: fc.oneof(this.boundary(resolved, name), hostileValue),
    };
  }

  /** A value of the schema; `name` says which collection an id or ids come from. */
  valid(schema: SchemaObject, name = ''): fc.Arbitrary<unknown> {
    const nullable = schema.nullable ? [fc.constant(null)] : [];
    if (schema.enum) return fc.constantFrom(...schema.enum);
    switch (schema.type) {
      case 'array':
        return fc.array(this.valid(resolve(this.document, schema.items ?? {}), name), {
          minLength: 1,
          maxLength: Math.min(schema.maxItems ?? 3, 3),
        });
      case 'object':
        return this.object(schema, 'valid');
      case 'integer':
      case 'number':
        return fc.oneof(
          fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 }),
          ...nullable,
        );
      case 'boolean':
        return fc.boolean();
      default:
        return fc.oneof(this.validString(schema, name), ...nullable);
    }
  }

  private validString(schema: SchemaObject, name: string): fc.Arbitrary<string> {
    if (schema.format === 'uuid' || /Ids?$/.test(name)) return this.uuid(collectionOfName(name));
    if (schema.format === 'date-time') return fc.oneof(instantText, futureInstantText);
    if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
    const maxLength = Math.min(schema.maxLength ?? 40, 40);
    return fc.oneof(
      fc.stringMatching(new RegExp(`^[A-Za-z0-9][A-Za-z0-9 ]{0,${maxLength - 1}}$`)),
      fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: Math.floor(maxLength / 4) })
        .map((text) => `x${text}`),
    );
  }

  /** Known ids, mostly of the right collection (`collection`), or unknown ones. */
  uuid(collection?: string): fc.Arbitrary<string> {
    const own = collection ? (this.state.ids[collection] ?? []) : [];
    const any = Object.values(this.state.ids).flat();
    return fc.oneof(
      ...(own.length > 0 ? [{ weight: 8, arbitrary: fc.constantFrom(...own) }] : []),
      ...(any.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...any) }] : []),
      { weight: 1, arbitrary: fc.uuid() },
    );
  }

  /** Values on and just past the schema's limits, and `null`. */
  boundary(schema: SchemaObject, name = ''): fc.Arbitrary<unknown> {
    const values: fc.Arbitrary<unknown>[] = [fc.constant(null)];
    if (schema.type === 'integer' || schema.type === 'number') {
      const { minimum = 0, maximum = 1000 } = schema;
      values.push(fc.constantFrom(minimum, maximum, minimum - 1, maximum + 1, minimum + 0.5));
    } else if (schema.type === 'array') {
      const item = this.valid(resolve(this.document, schema.items ?? {}), name);
      const max = schema.maxItems ?? 10;
      values.push(fc.array(item, { minLength: max, maxLength: max + 1 }), fc.constant([]));
    } else if (schema.format === 'date-time') {
      values.push(fc.constantFrom(...HOSTILE_INSTANTS));
    } else if (schema.type === 'string' || schema.type === undefined) {
      const max = schema.maxLength ?? 64;
      const min = schema.minLength ?? 0;
      values.push(textOfCodePoints(max), textOfCodePoints(max + 1), textOfCodePoints(min));
      values.push(fc.constantFrom(' '.repeat(3), '\t x \n'));
    }
    return fc.oneof(...values);
  }

  /**
   * An object of the schema's properties in a mode, and now and then a property the schema
   * does not have.
   */
  object(schema: SchemaObject, mode?: Mode): fc.Arbitrary<Record<string, unknown>> {
    const required = new Set(schema.required ?? []);
    const fields = Object.entries(schema.properties ?? {}).map(([name, property]) =>
      this.field(name, property, required.has(name)),
    );
    const modes = mode ? fc.constant(mode) : MODES;
    const unknown = fc.oneof(
      { weight: 9, arbitrary: fc.constant(undefined) },
      {
        weight: 1,
        arbitrary: fc.tuple(fc.constantFrom('unknownField', 'id', 'version'), hostileValue),
      },
    );
    return fc.tuple(modes, fc.nat(), unknown).chain(([chosen, wild, extra]) =>
      fieldValues(fields, chosen, wild % Math.max(fields.length, 1)).map((values) => ({
        ...Object.fromEntries(
          fields
            .map((field, index) => [field.name, values[index]] as const)
            .filter(([, value]) => value !== undefined),
        ),
        ...(chosen !== 'valid' && extra ? { [extra[0]]: extra[1] } : {}),
      })),
    );
  }

  /** A cursor this list handed out. */
  ownCursor(operationId: string): fc.Arbitrary<string | undefined> {
    const own = this.state.cursors[operationId] ?? [];
    return own.length > 0 ? fc.constantFrom(...own) : fc.constant(undefined);
  }

  /** A cursor of another list, tampered with, truncated or made up. */
  forgedCursor(operationId: string): fc.Arbitrary<string> {
    const others = Object.entries(this.state.cursors)
      .filter(([id]) => id !== operationId)
      .flatMap(([, cursors]) => cursors);
    const real = Object.values(this.state.cursors).flat();
    const crafted = fc
      .record({
        sort: fc.constantFrom('createdAt', 'dueAt', '-dueAt', 'priority', 'name', 'x'),
        value: fc.oneof(fc.constantFrom('1', '', null, 1e308), instantText),
        at: fc.oneof(instantText, fc.constant('9999-99-99')),
        id: fc.oneof(fc.uuid(), fc.constant('x')),
        k: fc.string(),
      })
      .map((position) => Buffer.from(JSON.stringify(position)).toString('base64url'));
    const tampered =
      real.length === 0
        ? crafted
        : fc
            .tuple(
              fc.constantFrom(...real),
              fc.nat(),
              fc.constantFrom('A', '-', '_', '=', '\u0000'),
            )
            .map(([cursor, at, char]) => {
              const index = at % cursor.length;
              return at % 3 === 0
                ? cursor.slice(0, index)
                : cursor.slice(0, index) + char + cursor.slice(index + 1);
            });
    return fc.oneof(
      ...(others.length > 0 ? [fc.constantFrom(...others)] : []),
      tampered,
      crafted,
      fc.constantFrom(...HOSTILE_STRINGS),
    );
  }
}

/** `taskId` and `tagIds` name the `tasks` and the `tags`. */
const collectionOfName = (name: string): string | undefined =>
  /Ids?$/.test(name) ? `${name.replace(/Ids?$/, '')}s` : undefined;

// --- requests -------------------------------------------------------------------------------

/**
 * Percent-encodes any JavaScript string, including one with an unpaired surrogate (sent as the
 * three bytes a lenient encoder would write, which are not valid UTF-8).
 */
export function percentEncode(value: string): string {
  return value.replace(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g, (char) => {
    const code = char.charCodeAt(0);
    if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    }
    return encodeURIComponent(char);
  });
}

/**
 * A value an HTTP client can send as a header (tab, visible ASCII and Latin-1: the HTTP field
 * value grammar); anything else is refused before it leaves the process, so it becomes `?`.
 */
const headerSafe = (value: unknown): string =>
  asText(value).replace(/[^\t\x20-\x7e\x80-\xff]/gu, '?');

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? '');

/** `name=value` pairs of one query parameter: once, repeated, or comma-joined for a list. */
function queryPairs(name: string, value: unknown, repeat: boolean): [string, string][] {
  if (Array.isArray(value)) {
    return repeat
      ? value.map((item): [string, string] => [name, asText(item)])
      : [[name, value.map(asText).join(',')]];
  }
  const text = asText(value);
  return repeat
    ? [
        [name, text],
        [name, text],
      ]
    : [[name, text]];
}

/** The fields of an operation's parameters, each with its valid and wild values. */
function parameterFields(
  operation: Operation,
  values: ValueArbitraries,
): { parameter: ParameterObject; field: Field }[] {
  return operation.parameters.map((parameter) => {
    const { name } = parameter;
    let field: Field;
    if (parameter.in === 'path') {
      field = {
        name,
        required: true,
        always: true,
        valid: values.uuid(collectionOf(operation.path, name)),
        wild: fc.oneof(fc.uuid(), hostileValue.map(asText)),
      };
    } else if (name === 'cursor') {
      field = {
        name,
        required: false,
        valid: values.ownCursor(operation.id),
        wild: values.forgedCursor(operation.id),
      };
    } else if (parameter.in === 'header' && name.toLowerCase() === 'if-match') {
      field = {
        name,
        required: false,
        valid: fc.nat(3).map((version) => `"${version + 1}"`),
        wild: fc.constantFrom('*', 'W/"1"', '"x"', '1', '"1", "2"', ''),
      };
    } else {
      field = values.field(name, parameter.schema ?? {}, parameter.required ?? false);
    }
    if (parameter.in === 'header' && name.toLowerCase() !== 'if-match') {
      // A few values over and over, so that retries with one key (and another body) happen.
      const reused = fc.constantFrom('key-1', 'key-2', '"key-3"');
      field = {
        ...field,
        valid: fc.oneof(reused, field.valid.map(headerSafe)),
        wild: field.wild.map(headerSafe),
      };
    }
    return { parameter, field };
  });
}

export function requestArbitrary(
  document: OpenAPIObject,
  operation: Operation,
  state: FuzzState,
): fc.Arbitrary<FuzzRequest> {
  const values = new ValueArbitraries(document, state);
  const parameters = parameterFields(operation, values);
  const fields = parameters.map(({ field }) => field);
  const bodySchema = operation.body && resolve(document, operation.body);
  const body = (mode: Mode): fc.Arbitrary<string | undefined> => {
    if (!bodySchema) return fc.constant(undefined);
    const object = values.object(bodySchema, mode).map((value) => JSON.stringify(value));
    if (mode !== 'chaos') return object;
    return fc.oneof(
      { weight: 6, arbitrary: object },
      { weight: 1, arbitrary: hostileValue.map((value) => JSON.stringify(value) ?? 'null') },
      {
        weight: 1,
        arbitrary: fc.constantFrom('', '{', '{"a":1,"a":2}', '[', 'nul', '{"__proto__":{}}'),
      },
    );
  };

  const targets = Math.max(fields.length + (bodySchema ? 1 : 0), 1);
  const repeats = fc.array(fc.boolean(), { minLength: fields.length, maxLength: fields.length });
  return fc.tuple(MODES, fc.nat(), repeats).chain(([mode, wild, repeat]) => {
    // In one-wild mode the wild one is a parameter, or (index past them) a body property.
    const target = wild % targets;
    const bodyMode = mode === 'one-wild' && target < fields.length ? 'valid' : mode;
    return fc
      .tuple(fieldValues(fields, mode, target), body(bodyMode))
      .map(([generated, text]): FuzzRequest => {
        let path = operation.path;
        const query: string[] = [];
        const headers: Record<string, string> = {};
        parameters.forEach(({ parameter }, index) => {
          const value = generated[index];
          if (value === undefined) return;
          if (parameter.in === 'path') {
            path = path.replace(`{${parameter.name}}`, percentEncode(asText(value)));
          } else if (parameter.in === 'query') {
            // Repeating a parameter is one of the wild inputs.
            const twice = mode !== 'valid' && repeat[index];
            for (const [name, item] of queryPairs(parameter.name, value, twice)) {
              query.push(`${name}=${percentEncode(item)}`);
            }
          } else if (parameter.in === 'header') {
            headers[parameter.name.toLowerCase()] = asText(value);
          }
        });
        if (text !== undefined) headers['content-type'] = 'application/json';
        const request: FuzzRequest = {
          method: operation.method,
          url: query.length > 0 ? `${path}?${query.join('&')}` : path,
          headers,
          body: text,
        };
        // fast-check prints a failing request with this: short enough to read in a CI log.
        return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
      });
  });
}

/** One line: method, URL, headers and body, long values cut in the middle. */
export function describeRequest(request: FuzzRequest): string {
  const cut = (text: string) =>
    text.length <= 240 ? text : `${text.slice(0, 120)}…(${text.length} chars)…${text.slice(-60)}`;
  const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`);
  return (
    cut(`${request.method} ${request.url}`) + ` [${headers.join('; ')}] ` + cut(request.body ?? '')
  );
}

// --- responses ------------------------------------------------------------------------------

/**
 * Validates response bodies against the document's schemas, closed: a property the document
 * does not list is an error too (NestJS leaves `additionalProperties` open). Schemas extended
 * through `allOf` stay open, as problem details do for their extension members (RFC 9457).
 */
export class ResponseValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: OpenAPIObject) {
    addFormats(this.ajv);
    this.ajv.addSchema(closeObjects(structuredClone(document)), 'openapi.json');
  }

  /** Problems with `body` as the `status` response of `operation` (`[]` when it conforms). */
  problems(operation: Operation, status: number, contentType: string, body: unknown): string[] {
    const pointer = [
      'paths',
      operation.path,
      operation.method.toLowerCase(),
      'responses',
      String(status),
    ]
      .map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    const response = operation.responses[String(status)] as
      { content?: Record<string, unknown> } | undefined;
    if (!response) return [`status ${status} is not documented`];
    const media = Object.keys(response.content ?? {});
    if (media.length === 0) return body === undefined ? [] : ['a body where none is documented'];
    const type = media.find((candidate) => contentType.startsWith(candidate));
    if (!type) return [`content-type ${contentType} is not one of ${media.join(', ')}`];
    const ref = `openapi.json#/${pointer}/content/${type.replace(/\//g, '~1')}/schema`;
    let validate = this.compiled.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.compiled.set(ref, validate);
    }
    return validate(body)
      ? []
      : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
  }
}

function closeObjects(document: OpenAPIObject): OpenAPIObject {
  const extended = new Set(
    [...JSON.stringify(document).matchAll(/"allOf":\[\{"\$ref":"([^"]+)"/g)].map((m) => m[1]),
  );
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    if (extended.has(`#/components/schemas/${name}`)) continue;
    const object = schema as SchemaObject;
    if (object.properties && object.additionalProperties === undefined) {
      object.additionalProperties = false;
    }
  }
  return document;
}
