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
import type { SchemaObject } from '@nestjs/swagger';
import { queryParametersOf } from './openapi-parameters';
import { TaskExtensions } from '../extension/task-extensions';
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
  404: 'Task 0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b does not exist.',
  409: 'A tag named "urgent" already exists.',
  412: 'The task has changed (its ETag is now "4"); fetch it again and retry.',
  413: 'The request body is larger than the limit of this API.',
  415: 'The request body must be sent as application/json.',
  422: 'The request is well-formed but cannot be carried out.',
  503: 'The database is unreachable. Retry shortly.',
};

/** Documents error responses as problem+json with the shared schema and an example each. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: titleForStatus(status),
        content: {
          [PROBLEM_CONTENT_TYPE]: {
            schema: { $ref: getSchemaPath(ProblemDetailsDto) },
            example: {
              type: status === 400 ? '/problems/validation-error' : typeForStatus(status),
              title: status === 400 ? 'Invalid request' : titleForStatus(status),
              status,
              detail: PROBLEM_DETAILS[status] ?? titleForStatus(status),
              instance: '/tasks',
              ...(status === 400
                ? { errors: [{ field: 'title', message: 'title should not be empty' }] }
                : {}),
            },
          },
        },
      }),
    ),
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
      'Tasks with tags and reminders. Errors are RFC 9457 problem details (`application/problem+json`); ' +
        'lists are cursor-paginated; single resources carry an ETag honoured by `If-Match`.',
    )
    .setVersion('0.1.0')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    // Clients generate method names from these: the handlers' names, unique API-wide.
    operationIdFactory: (_controller, method) => method,
  });
  assertUniqueOperationIds(document);
  documentTaskExtensions(document, app.get(TaskExtensions));
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
