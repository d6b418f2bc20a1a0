import { Controller, Get, Header, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ApiProblems, ProblemException, Shutdown, problemType } from '@task-api/core';

const HEALTHY = {
  schema: {
    type: 'object',
    properties: { status: { type: 'string', enum: ['ok'] }, info: { type: 'object' } },
    example: { status: 'ok', info: { database: { status: 'up' } } },
  },
};

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly shutdown: Shutdown,
  ) {}

  @Get('live')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Liveness: the process is up (no dependency is checked)' })
  @ApiOkResponse({ schema: { ...HEALTHY.schema, example: { status: 'ok', info: {} } } })
  getLiveness(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Readiness: the database answers; 503 otherwise' })
  @ApiOkResponse(HEALTHY)
  @ApiProblems(503)
  async getReadiness(): Promise<HealthCheckResult> {
    // Stopping (SIGTERM): load balancers take this process out while it drains.
    if (this.shutdown.draining) {
      throw new ProblemException(503, 'The API is stopping.', {
        type: problemType('not-ready'),
        checks: { process: 'stopping' },
      });
    }
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: 2_000 }),
      ]);
    } catch (error) {
      throw error instanceof ServiceUnavailableException ? notReady(error) : error;
    }
  }
}

/** Terminus lists each check with the driver's message: keep the verdicts, drop the messages. */
function notReady(error: ServiceUnavailableException): ProblemException {
  const result = error.getResponse() as Partial<HealthCheckResult>;
  const checks = Object.fromEntries(
    Object.entries(result.details ?? {}).map(([name, check]) => [name, check.status]),
  );
  return new ProblemException(503, 'A dependency of the API is unavailable.', {
    type: problemType('not-ready'),
    checks,
  });
}
