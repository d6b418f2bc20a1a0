import { Logger } from '@nestjs/common';
import { DeliveryMetrics } from './delivery-metrics';
import { DispatchRepository, RecordedAttempt } from './dispatch.repository';

/** Outcomes written per statement, at most. */
const MAX_BATCH = 500;

/**
 * Writes outcomes in batches, one statement each: the first outcome is written as soon as the
 * event loop is free, and those that complete while a write runs go together in the next one.
 */
export class OutcomeRecorder {
  private pending: RecordedAttempt[] = [];
  private writing?: Promise<void>;

  constructor(
    private readonly repository: DispatchRepository,
    private readonly workerId: string,
    private readonly metrics: DeliveryMetrics,
    private readonly logger: Logger,
  ) {}

  add(attempt: RecordedAttempt): void {
    this.pending.push(attempt);
    this.writing ??= this.drain();
  }

  /** Resolves once every outcome added so far is written (or its write failed). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    // Outcomes completing in the same turn of the event loop join the first statement.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, MAX_BATCH);
      try {
        await this.repository.recordAttempts(this.workerId, batch);
        for (const { record } of batch) this.metrics.recorded(record.outcome);
      } catch (error) {
        // Not recorded: the leases run out and these reminders are attempted again.
        this.logger.error({ err: error, count: batch.length }, 'Recording deliveries failed');
      }
    }
    this.writing = undefined;
  }
}
