import { ArgumentsHost, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ProblemDetailsFilter } from './problem-details.filter';
import { ProblemException } from './problem';

/** A pg error as TypeORM wraps it. */
function databaseError(code: string): QueryFailedError {
  return new QueryFailedError('SELECT 1', [], Object.assign(new Error('driver text'), { code }));
}

function answer(exception: unknown) {
  const reply = {
    statusCode: 0,
    headers: {} as Record<string, string>,
    body: undefined as unknown,
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    header(name: string, value: string) {
      this.headers[name] = value;
      return this;
    },
    send(body: unknown) {
      this.body = body;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ id: 'req-1', url: '/tasks' }),
      getResponse: () => reply,
    }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return reply;
}

describe(ProblemDetailsFilter.name, () => {
  // The filter logs what it maps to 5xx; the test needs the answers, not the log.
  beforeAll(() => Logger.overrideLogger(false));
  it.each(['22P02', '22001', '22003', '22007', '22008', '22021', '2201B'])(
    'answers SQLSTATE %s (class 22, a value the database refused) with a 400',
    (code) => {
      const reply = answer(databaseError(code));
      expect(reply.statusCode).toBe(400);
      expect(JSON.stringify(reply.body)).not.toContain('driver text');
    },
  );

  it.each(['53300', '57014', '55P03', '40001', '40P01'])(
    'answers SQLSTATE %s (a busy database) with a 503 and Retry-After',
    (code) => {
      const reply = answer(databaseError(code));
      expect(reply.statusCode).toBe(503);
      expect(reply.headers['retry-after']).toBe('1');
      expect(reply.body).toMatchObject({ type: '/problems/database-busy', status: 503 });
    },
  );

  it.each([
    ['a connection exception', databaseError('08006')],
    ['an administrator terminating the session', databaseError('57P01')],
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    ['a pool with no free connection', new Error('timeout exceeded when trying to connect')],
  ])('answers %s with a 503 and Retry-After', (_, error) => {
    const reply = answer(error);
    expect(reply.statusCode).toBe(503);
    expect(Number(reply.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('gives every 503 a Retry-After, whatever raised it', () => {
    const reply = answer(new ProblemException(503, 'A dependency of the API is unavailable.'));
    expect(reply.headers['retry-after']).toBeDefined();
  });

  it('leaves a 500 without Retry-After', () => {
    const reply = answer(new TypeError('a bug'));
    expect(reply.statusCode).toBe(500);
    expect(reply.headers['retry-after']).toBeUndefined();
  });
});
