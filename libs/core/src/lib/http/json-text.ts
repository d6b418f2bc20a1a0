import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Observable, map } from 'rxjs';

/**
 * A response body that is already JSON text, as PostgreSQL built it: sent as it is, never
 * parsed and serialized again.
 */
export class JsonText {
  constructor(readonly json: string) {}
}

/** A page whose items are JSON texts: `{"items":[...],"nextCursor":...}` by concatenation. */
export function jsonPage(items: readonly string[], nextCursor: string | null): JsonText {
  return new JsonText(`{"items":[${items.join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`);
}

/** Sends a `JsonText` handler result as the body, with the JSON content type. */
@Injectable()
export class JsonTextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((value: unknown) => {
        if (!(value instanceof JsonText)) return value;
        context.switchToHttp().getResponse<FastifyReply>().type('application/json; charset=utf-8');
        return value.json;
      }),
    );
  }
}
