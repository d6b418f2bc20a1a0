import { HttpException, HttpStatus } from '@nestjs/common';

/** One invalid field of a request, as listed in a problem's `errors`. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, the body of every error response. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem type URIs are relative references, resolved against the API's own origin. */
export const problemType = (slug: string): string => `/problems/${slug}`;

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const SLUGS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  408: 'request-timeout',
  409: 'conflict',
  412: 'precondition-failed',
  413: 'content-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable-content',
  429: 'too-many-requests',
  431: 'request-header-fields-too-large',
  500: 'internal-error',
  503: 'service-unavailable',
};

export function titleForStatus(status: number): string {
  return TITLES[status] ?? 'Error';
}

export function typeForStatus(status: number): string {
  return problemType(SLUGS[status] ?? `http-${status}`);
}

/**
 * The one exception type the codebase throws for expected failures. The exception filter
 * renders it as problem+json; extra members (e.g. `existingId` on a 409) are kept.
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    detail: string,
    readonly extras: {
      type?: string;
      title?: string;
      errors?: FieldError[];
      [key: string]: unknown;
    } = {},
  ) {
    super(detail, status);
  }
}

export const notFound = (what: string, id: string): ProblemException =>
  new ProblemException(HttpStatus.NOT_FOUND, `${what} ${id} does not exist.`, {
    type: problemType('not-found'),
  });

/** A request without a credential the API accepts (missing, unknown, expired, revoked). */
export const unauthorized = (detail: string): ProblemException =>
  new ProblemException(HttpStatus.UNAUTHORIZED, detail, { type: problemType('unauthorized') });

/** A request for something only the administrator may do. */
export const forbidden = (detail: string): ProblemException =>
  new ProblemException(HttpStatus.FORBIDDEN, detail, { type: problemType('forbidden') });

export const badRequest = (detail: string, errors?: FieldError[]): ProblemException =>
  new ProblemException(HttpStatus.BAD_REQUEST, detail, {
    type: problemType('validation-error'),
    title: 'Invalid request',
    errors,
  });

export const unprocessable = (detail: string, errors?: FieldError[]): ProblemException =>
  new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, detail, {
    type: problemType('unprocessable-content'),
    errors,
  });

export const preconditionFailed = (detail: string): ProblemException =>
  new ProblemException(HttpStatus.PRECONDITION_FAILED, detail, {
    type: problemType('precondition-failed'),
  });
