import { INestApplication, applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  DocumentBuilder,
  OpenAPIObject,
  SwaggerModule,
  getSchemaPath,
} from '@nestjs/swagger';
import type {
  HeadersObject,
  OperationObject,
  ParameterObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { queryParametersOf } from './openapi-parameters';
import { TaskExtensions } from '../extension/task-extensions';
import { KEY_IN_FLIGHT, KEY_REUSED } from './idempotency/idempotency-keys';
import { PROBLEM_CONTENT_TYPE, titleForStatus, typeForStatus } from './problem';

export class FieldErrorDto {
  @ApiProperty({ example: 'title' })
  field: string;

  @ApiProperty({ example: 'title must be longer than or equal to 1 characters' })
  message: string;
}

export class ProblemDetailsDto {
  @ApiProperty({ example: '/problems/validation-error' })
  type: string;

  @ApiProperty({ example: 'Invalid request' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiProperty({ example: 'The request is invalid.' })
  detail: string;

  @ApiProperty({ example: '/tasks' })
  instance: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}

const PROBLEM_DETAILS: Record<number, string> = {
  400: 'The request is invalid.',
  401: 'The bearer token is not known.',
  403: 'Only the administrator may do this.',
  404: 'Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.',
  409: 'A tag named "urgent" already exists.',
  412: 'The task has changed (its ETag is now "4"); fetch it again and retry.',
  413: 'The request body is larger than the limit of this API.',
  429: 'Too many requests: the limit is 1200 per minute. Retry in 42 seconds.',
  415: 'The request body must be sent as application/json.',
  422: 'The request is well-formed but cannot be carried out.',
  503: 'The database is unreachable. Retry shortly.',
};

/** The problem+json response of one status, with the shared schema and an example. */
function problemResponse(
  status: number,
  detail = PROBLEM_DETAILS[status] ?? titleForStatus(status),
  type = status === 400 ? '/problems/validation-error' : typeForStatus(status),
): ResponseObject {
  return {
    description: titleForStatus(status),
    content: {
      [PROBLEM_CONTENT_TYPE]: {
        schema: { $ref: getSchemaPath(ProblemDetailsDto) },
        example: {
          type,
          title: status === 400 ? 'Invalid request' : titleForStatus(status),
          status,
          detail,
          instance: '/tasks',
          ...(status === 400
            ? { errors: [{ field: 'title', message: 'title should not be empty' }] }
            : {}),
        },
      },
    },
  };
}

/** Documents error responses as problem+json with the shared schema and an example each. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ...statuses.map((status) => ApiResponse({ status, ...problemResponse(status) })),
  );
}

/** Adds what registered features contribute: their list filters and their task view fields. */
function documentTaskExtensions(document: OpenAPIObject, extensions: TaskExtensions): void {
  const listOperation = document.paths['/tasks']?.get;
  if (listOperation) {
    const parameters = extensions
      .listFilters()
      .flatMap(({ filter }) => queryParametersOf(filter.parameters));
    listOperation.parameters = [...(listOperation.parameters ?? []), ...parameters];
  }
  const taskSchema = document.components?.schemas?.TaskDto as SchemaObject | undefined;
  if (taskSchema) {
    for (const { field, schema } of extensions.viewFields()) {
      taskSchema.properties = { ...taskSchema.properties, [field]: schema };
      taskSchema.required = [...(taskSchema.required ?? []), field];
    }
  }
}

const IDEMPOTENCY_KEY: ParameterObject = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes a retry safe (IETF httpapi draft): a retry with the same key and the same request ' +
    'within 24 hours gets the first response again, marked `Idempotent-Replayed: true`, and ' +
    'does nothing again. Only successes are kept: after a 4xx or 5xx the key may be used again. ' +
    'The same key with another body is a 422; a retry while the first request runs is a 409. ' +
    'Up to 255 printable ASCII characters, bare or as a quoted string; a UUID is typical.',
  schema: { type: 'string', maxLength: 255 },
  example: '8e03978e-40d5-43e8-bc93-6894a57f9324',
};

const RATE_LIMIT_HEADERS: HeadersObject = {
  'Retry-After': {
    description: 'Seconds until the budget renews.',
    schema: { type: 'integer', example: 42 },
  },
  'RateLimit-Limit': {
    description: 'Requests allowed per minute (IETF draft header; on every limited response).',
    schema: { type: 'integer', example: 1200 },
  },
  'RateLimit-Remaining': {
    description: 'Requests left in the current minute.',
    schema: { type: 'integer', example: 0 },
  },
  'RateLimit-Reset': {
    description: 'Seconds until the current minute ends.',
    schema: { type: 'integer', example: 42 },
  },
};

const UNAUTHORIZED_HEADERS: HeadersObject = {
  'WWW-Authenticate': {
    description:
      'The challenge (RFC 6750): `Bearer realm="Task API"`, with `error="invalid_token"` for a token refused.',
    schema: { type: 'string', example: 'Bearer realm="Task API", error="invalid_token"' },
  },
};

/** The name of the security scheme in the document, as `security` requirements refer to it. */
const BEARER = 'bearer';

const HTTP_METHODS = new Set(['get', 'put', 'post', 'patch', 'delete']);

/** Adds a problem to an operation, or, when it already has that status, says when else it comes. */
function addProblem(
  operation: OperationObject,
  status: number,
  when: string,
  problem: { type: string; detail: string },
): void {
  const existing = operation.responses[status] as ResponseObject | undefined;
  if (existing)
    existing.description = `${existing.description.replace(/\.$/, '')}; also when ${when}`;
  else
    operation.responses[status] = {
      ...problemResponse(status, problem.detail, problem.type),
      description: `${titleForStatus(status)}: ${when}`,
    };
}

/**
 * What the HTTP edge adds to operations, documented once here rather than on every handler: the
 * bearer token every operation but the health checks needs (declared once for the document,
 * waived on the health checks) with its 401, the 429 of the rate limit, and `Idempotency-Key`
 * on every POST with its 409 and 422.
 */
function documentEdge(document: OpenAPIObject): void {
  document.components = {
    ...document.components,
    parameters: { ...document.components?.parameters, IdempotencyKey: IDEMPOTENCY_KEY },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    const operations = (Object.entries(item) as [string, OperationObject][]).filter(([method]) =>
      HTTP_METHODS.has(method),
    );
    if (path.startsWith('/health/')) {
      for (const [, operation] of operations) operation.security = [];
      continue;
    }
    for (const [method, operation] of operations) {
      operation.responses[401] = { ...problemResponse(401), headers: UNAUTHORIZED_HEADERS };
      operation.responses[429] = { ...problemResponse(429), headers: RATE_LIMIT_HEADERS };
      if (method !== 'post') continue;
      operation.parameters = [
        ...(operation.parameters ?? []),
        { $ref: '#/components/parameters/IdempotencyKey' },
      ];
      addProblem(
        operation,
        409,
        'the first request with this Idempotency-Key is still running',
        KEY_IN_FLIGHT,
      );
      addProblem(operation, 422, 'this Idempotency-Key was used with another request', KEY_REUSED);
    }
  }
}

/** Same input, same bytes: paths and schemas sorted, so the committed openapi.json can be diffed. */
function sortDocument(document: OpenAPIObject): OpenAPIObject {
  const sortKeys = <T>(record: Record<string, T> | undefined) =>
    record && Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  return {
    ...document,
    paths: sortKeys(document.paths) ?? {},
    components: { ...document.components, schemas: sortKeys(document.components?.schemas) },
  };
}

function assertUniqueOperationIds(document: OpenAPIObject): void {
  const ids = Object.values(document.paths).flatMap((path) =>
    Object.values(path).map((operation: { operationId?: string }) => operation?.operationId),
  );
  const duplicate = ids.find((id, index) => id && ids.indexOf(id) !== index);
  if (duplicate)
    throw new Error(`Two handlers are named ${duplicate}: operation ids must be unique`);
}

export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Task API')
    .setDescription(
      'Tasks with tags and reminders. Every request but the health checks carries ' +
        '`Authorization: Bearer <token>` (an API token; see `/tokens`), and every user sees only ' +
        "what it owns: another user's resource is a 404. " +
        'Errors are RFC 9457 problem details (`application/problem+json`); ' +
        'lists are cursor-paginated; single resources carry an ETag honoured by `If-Match`. ' +
        'Every POST accepts an `Idempotency-Key`; requests are rate-limited per user ' +
        '(`RateLimit-*` headers, 429 with `Retry-After`).',
    )
    .setVersion('0.1.0')
    .setLicense('MIT', 'https://opensource.org/license/mit')
    // Relative: the document is served by the API itself, so "Try it out" calls the same origin.
    .addServer('/', 'The server that serves this document')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description:
          'An API token (`tapi_...`, from `POST /tokens`, `POST /users` or the first start), `ADMIN_TOKEN`, or with OpenID Connect configured a JWT of that provider.',
      },
      BEARER,
    )
    .build();
  // Every operation needs the token unless it says otherwise (the health checks do).
  config.security = [{ [BEARER]: [] }];
  const document = SwaggerModule.createDocument(app, config, {
    // Clients generate method names from these: the handlers' names, unique API-wide.
    operationIdFactory: (_controller, method) => method,
  });
  assertUniqueOperationIds(document);
  documentTaskExtensions(document, app.get(TaskExtensions));
  documentEdge(document);
  return sortDocument(document);
}

/** Swagger UI at /docs, the document at /docs-json. */
export function setupOpenApi(app: INestApplication): OpenAPIObject {
  const document = createOpenApiDocument(app);
  SwaggerModule.setup('docs', app, () => document, {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { tryItOutEnabled: false, displayRequestDuration: true },
  });
  return document;
}
