import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AdministratorOnly, Metrics } from '@task-api/core';
import { Registry } from 'prom-client';

/**
 * `GET /metrics`: Prometheus text format, for operators (not part of the API's document). Like
 * every route but the probes and the documentation it needs a bearer token, the administrator's:
 * the figures are the whole deployment's, not one user's (Prometheus sends it with
 * `authorization: { credentials: ... }` in its scrape config).
 */
@ApiExcludeController()
@AdministratorOnly()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('content-type', Registry.PROMETHEUS_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  render(): Promise<string> {
    return this.metrics.render();
  }
}
