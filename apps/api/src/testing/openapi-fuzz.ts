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

/** What the fuzzer knows of the database: ids by collection, cursors lists handed out. */
export interface FuzzState {
  ids: Record<string, string[]>;
  cursors: string[];
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
        parameters: (operation.parameters ?? []) as ParameterObject[],
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

export class ValueArbitraries {
  constructor(
    private readonly document: OpenAPIObject,
    private readonly state: FuzzState,
  ) {}

  /** Any value for a schema: mostly valid, often on a boundary, sometimes hostile. */
  valueFor(schema: SchemaObject | ReferenceObject): fc.Arbitrary<unknown> {
    const resolved = resolve(this.document, schema);
    return fc.oneof(
      { weight: 5, arbitrary: this.valid(resolved) },
      { weight: 3, arbitrary: this.boundary(resolved) },
      { weight: 2, arbitrary: hostileValue },
    );
  }

  valid(schema: SchemaObject): fc.Arbitrary<unknown> {
    const nullable = schema.nullable ? [fc.constant(null)] : [];
    if (schema.enum) return fc.constantFrom(...schema.enum);
    switch (schema.type) {
      case 'array':
        return fc.array(this.valid(resolve(this.document, schema.items ?? {})), {
          maxLength: Math.min(schema.maxItems ?? 4, 4),
        });
      case 'object':
        return this.object(schema);
      case 'integer':
      case 'number':
        return fc.oneof(
          fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 }),
          ...nullable,
        );
      case 'boolean':
        return fc.boolean();
      default:
        return fc.oneof(this.validString(schema), ...nullable);
    }
  }

  private validString(schema: SchemaObject): fc.Arbitrary<string> {
    if (schema.format === 'uuid') return this.uuid();
    if (schema.format === 'date-time') return instantText;
    if (schema.pattern === '^#[0-9a-fA-F]{6}$') {
      return fc.stringMatching(/^#[0-9a-fA-F]{6}$/);
    }
    const minLength = schema.minLength ?? 0;
    const maxLength = Math.min(schema.maxLength ?? 40, 40);
    return fc.oneof(
      fc.string({ minLength: Math.max(minLength, 1), maxLength }),
      fc.string({ unit: 'grapheme', minLength: Math.max(minLength, 1), maxLength: maxLength / 2 }),
    );
  }

  /** Known ids of any collection (a tag id where a task id is expected, too) or unknown ones. */
  uuid(collection?: string): fc.Arbitrary<string> {
    const own = collection ? (this.state.ids[collection] ?? []) : [];
    const any = Object.values(this.state.ids).flat();
    return fc.oneof(
      ...(own.length > 0 ? [{ weight: 6, arbitrary: fc.constantFrom(...own) }] : []),
      ...(any.length > 0 ? [{ weight: 2, arbitrary: fc.constantFrom(...any) }] : []),
      { weight: 1, arbitrary: fc.uuid() },
    );
  }

  boundary(schema: SchemaObject): fc.Arbitrary<unknown> {
    const values: fc.Arbitrary<unknown>[] = [fc.constant(null)];
    if (schema.type === 'integer' || schema.type === 'number') {
      const { minimum = 0, maximum = 1000 } = schema;
      values.push(fc.constantFrom(minimum, maximum, minimum - 1, maximum + 1, minimum + 0.5));
    } else if (schema.type === 'array') {
      const item = this.valid(resolve(this.document, schema.items ?? {}));
      const max = schema.maxItems ?? 10;
      values.push(fc.array(item, { minLength: max, maxLength: max + 1 }));
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

  /** An object of the schema's properties, each one absent, valid, on a boundary or hostile. */
  object(schema: SchemaObject): fc.Arbitrary<Record<string, unknown>> {
    const properties = Object.entries(schema.properties ?? {});
    const required = new Set(schema.required ?? []);
    const entries = properties.map(([name, property]) =>
      fc.option(
        this.valueFor(property).map((value) => [name, value] as const),
        { freq: required.has(name) ? 8 : 2, nil: undefined },
      ),
    );
    const extra = fc.option(
      fc.tuple(fc.constantFrom('unknownField', 'id', 'version', 'createdAt'), hostileValue),
      { freq: 8, nil: undefined },
    );
    return fc
      .tuple(fc.tuple(...entries), extra)
      .map(([fields, added]) =>
        Object.fromEntries([...fields, added].filter((entry) => entry !== undefined)),
      );
  }

  /** A cursor a list handed out (maybe by another list), tampered with, or made up. */
  cursor(): fc.Arbitrary<string> {
    const real = this.state.cursors;
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
      ...(real.length > 0 ? [fc.constantFrom(...real)] : []),
      tampered,
      crafted,
      fc.constantFrom(...HOSTILE_STRINGS),
    );
  }
}

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

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? '');

/** `[name, value]` pairs for one query parameter: absent, once, repeated, or comma-joined. */
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

export function requestArbitrary(
  document: OpenAPIObject,
  operation: Operation,
  state: FuzzState,
): fc.Arbitrary<FuzzRequest> {
  const values = new ValueArbitraries(document, state);
  const parameter = (p: ParameterObject): fc.Arbitrary<unknown> => {
    if (p.in === 'path') {
      return fc.oneof(
        { weight: 8, arbitrary: values.uuid(collectionOf(operation.path, p.name)) },
        { weight: 1, arbitrary: hostileValue.map(asText) },
      );
    }
    if (p.name === 'cursor') return values.cursor();
    if (p.in === 'header' && p.name.toLowerCase() === 'if-match') {
      return fc.oneof(
        fc.nat(4).map((version) => `"${version}"`),
        fc.constantFrom('*', 'W/"1"', '"x"', '1', '"1", "2"'),
      );
    }
    return values.valueFor(p.schema ?? {});
  };

  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const query = operation.parameters.filter((p) => p.in === 'query');
  const headers = operation.parameters.filter((p) => p.in === 'header');
  const body = operation.body
    ? fc.oneof(
        {
          weight: 12,
          arbitrary: values.object(resolve(document, operation.body)).map((b) => JSON.stringify(b)),
        },
        { weight: 1, arbitrary: hostileValue.map((value) => JSON.stringify(value) ?? 'null') },
        {
          weight: 1,
          arbitrary: fc.constantFrom('', '{', '{"a":1,"a":2}', '[', 'nul', '{"__proto__":{}}'),
        },
      )
    : fc.constant(undefined);

  return fc
    .record({
      path: fc.tuple(...pathParams.map(parameter)),
      query: fc.tuple(
        ...query.map((p) =>
          fc.option(fc.tuple(parameter(p), fc.boolean()), { freq: 2, nil: undefined }),
        ),
      ),
      headers: fc.tuple(...headers.map((p) => fc.option(parameter(p), { nil: undefined }))),
      body,
    })
    .map((generated): FuzzRequest => {
      let path = operation.path;
      pathParams.forEach((p, index) => {
        path = path.replace(`{${p.name}}`, percentEncode(asText(generated.path[index])));
      });
      const pairs = query.flatMap((p, index) => {
        const chosen = generated.query[index];
        return chosen ? queryPairs(p.name, chosen[0], chosen[1]) : [];
      });
      const search = pairs.map(([name, value]) => `${name}=${percentEncode(value)}`).join('&');
      const requestHeaders: Record<string, string> = {};
      headers.forEach((p, index) => {
        const value = generated.headers[index];
        if (value !== undefined) requestHeaders[p.name.toLowerCase()] = asText(value);
      });
      if (generated.body !== undefined) requestHeaders['content-type'] = 'application/json';
      const request: FuzzRequest = {
        method: operation.method,
        url: search ? `${path}?${search}` : path,
        headers: requestHeaders,
        body: generated.body,
      };
      // fast-check prints a failing request with this: short enough to read in a CI log.
      return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
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
