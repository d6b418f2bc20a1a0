import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  PROBLEM_CONTENT_TYPE,
  ProblemDetails,
  ProblemException,
  problemType,
  titleForStatus,
  typeForStatus,
} from './problem';
import {
  PG_CHECK_VIOLATION,
  PG_FOREIGN_KEY_VIOLATION,
  PG_NOT_NULL_VIOLATION,
  PG_UNIQUE_VIOLATION,
  isDataException,
  isDatabaseBusy,
  isDatabaseUnavailable,
  sqlState,
} from './postgres-errors';

const DATABASE_BUSY = problemType('database-busy');

/**
 * Every 503 tells the client when to try again: soon when the database is only busy
 * (a timeout, a deadlock, no free connection), a little later when it is unreachable.
 */
const retryAfterSeconds = (problem: ProblemDetails): number =>
  problem.type === DATABASE_BUSY ? 1 : 5;

/**
 * Turns every error into RFC 9457 problem+json. Registered as APP_FILTER so that an app
 * built in a test answers exactly like production. Nothing from a stack, a SQL statement or
 * a driver message reaches the client: unknown errors become a generic 500, logged with the
 * request id so an operator can find them.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = { ...this.toProblem(exception, request), instance: request.url };
    if (problem.status === 503) reply.header('retry-after', String(retryAfterSeconds(problem)));
    reply
      .status(problem.status)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .header('x-request-id', request.id)
      .send(problem);
  }

  private toProblem(exception: unknown, request: FastifyRequest): ProblemDetails {
    if (exception instanceof ProblemException) return fromProblemException(exception);
    if (exception instanceof HttpException) return fromHttpException(exception);
    const fromDatabase = fromDatabaseError(exception);
    if (fromDatabase) {
      if (fromDatabase.status >= 500)
        this.logger.warn({ reqId: request.id, err: exception }, fromDatabase.detail);
      return fromDatabase;
    }
    this.logger.error({ reqId: request.id, err: exception }, 'Unhandled error');
    return {
      type: typeForStatus(500),
      title: titleForStatus(500),
      status: 500,
      detail: `An unexpected error occurred. Quote request id ${request.id} when reporting it.`,
    };
  }
}

function fromProblemException(exception: ProblemException): ProblemDetails {
  const status = exception.getStatus();
  const { type, title, errors, ...rest } = exception.extras;
  return {
    type: type ?? typeForStatus(status),
    title: title ?? titleForStatus(status),
    status,
    detail: exception.message,
    ...(errors ? { errors } : {}),
    ...rest,
  };
}

/** Nest's own exceptions and Fastify's (bad JSON, 413, 415), mapped by Nest to HttpException. */
function fromHttpException(exception: HttpException): ProblemDetails {
  const status = exception.getStatus();
  const response = exception.getResponse();
  let detail: string;
  if (typeof response === 'string') detail = response;
  else {
    const message = (response as { message?: unknown }).message;
    detail = Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
  }
  if (status === 413) detail = 'The request body is larger than the limit of this API.';
  if (status === 415) detail = 'The request body must be sent as application/json.';
  if (status >= 500) detail = 'An unexpected error occurred.';
  return { type: typeForStatus(status), title: titleForStatus(status), status, detail };
}

/**
 * Constraint violations that escaped a repository's own mapping, values the database refused,
 * a busy database and an unreachable one.
 */
function fromDatabaseError(exception: unknown): ProblemDetails | undefined {
  if (isDatabaseBusy(exception)) {
    return {
      type: DATABASE_BUSY,
      title: titleForStatus(503),
      status: 503,
      detail: 'The database is busy. Retry shortly.',
    };
  }
  if (isDataException(exception)) {
    return {
      type: problemType('validation-error'),
      title: 'Invalid request',
      status: 400,
      detail: 'A value of the request is not acceptable to the database.',
    };
  }
  if (isDatabaseUnavailable(exception)) {
    return {
      type: typeForStatus(503),
      title: titleForStatus(503),
      status: 503,
      detail: 'The database is unreachable. Retry shortly.',
    };
  }
  switch (sqlState(exception)) {
    case PG_UNIQUE_VIOLATION:
      return {
        type: problemType('conflict'),
        title: titleForStatus(409),
        status: 409,
        detail: 'The resource conflicts with an existing one.',
      };
    case PG_FOREIGN_KEY_VIOLATION:
      return {
        type: problemType('not-found'),
        title: titleForStatus(404),
        status: 404,
        detail: 'A referenced resource does not exist (it may just have been deleted).',
      };
    case PG_NOT_NULL_VIOLATION:
    case PG_CHECK_VIOLATION:
      return {
        type: problemType('unprocessable-content'),
        title: titleForStatus(422),
        status: 422,
        detail: 'The request violates a rule of the data model.',
      };
    default:
      return undefined;
  }
}
