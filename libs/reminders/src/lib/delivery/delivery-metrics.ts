import { Injectable } from '@nestjs/common';
import { Metrics } from '@task-api/core';
import { Counter, Gauge, Histogram } from 'prom-client';
import { DeliveryOutcome } from '../reminder-delivery.entity';
import { DispatchRepository } from './dispatch.repository';

/** The dispatcher's Prometheus metrics, in the app's registry. */
@Injectable()
export class DeliveryMetrics {
  private readonly lateness: Histogram;
  private readonly deliveries: Counter<'outcome'>;

  constructor(metrics: Metrics, repository: DispatchRepository) {
    this.lateness = new Histogram({
      name: 'reminders_delivery_lateness_seconds',
      help: 'From the time an attempt was due (remindAt, or its retry time) to the call',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
      registers: [metrics.registry],
    });
    this.deliveries = new Counter({
      name: 'reminders_deliveries_total',
      help: 'Delivery attempts by outcome (delivered, retrying, failed)',
      labelNames: ['outcome'],
      registers: [metrics.registry],
    });
    new Gauge({
      name: 'reminders_due',
      help: 'Reminders due and not yet delivered, claimed or not (one count per scrape)',
      registers: [metrics.registry],
      async collect() {
        // The database may be away: the scrape still answers, with the last count.
        await repository.countDue().then(
          (due) => this.set(due),
          () => undefined,
        );
      },
    });
  }

  attempted(dueAt: Date, sentAt: Date): void {
    this.lateness.observe(Math.max(0, sentAt.getTime() - dueAt.getTime()) / 1_000);
  }

  recorded(outcome: DeliveryOutcome): void {
    this.deliveries.inc({ outcome });
  }
}
