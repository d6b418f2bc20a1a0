import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Metrics } from '@task-api/core';
import { Registry } from 'prom-client';

/** `GET /metrics`: Prometheus text format, for operators (not part of the API's document). */
@ApiExcludeController()
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
