import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Task, toTaskDto } from '@task-api/core';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Clock } from '../clock';
import { toReminderDto } from '../dto/reminder.dto';
import { Reminder } from '../reminder.entity';
import { DeliveryChannel } from './channels';
import { AttemptRecord, DispatchRepository } from './dispatch.repository';
import { DispatcherOptions } from './dispatcher-options';
import { Decision, decide } from './retry-policy';

export const DISPATCHER_OPTIONS = Symbol('DISPATCHER_OPTIONS');
export const DELIVERY_CHANNEL = Symbol('DELIVERY_CHANNEL');

/** The webhook body. */
export interface ReminderDuePayload {
  type: 'reminder.due';
  reminder: ReturnType<typeof toReminderDto>;
  task: ReturnType<typeof toTaskDto> | null;
}

/**
 * Delivers due reminders: claims a batch under a lease, delivers it concurrently, records each
 * attempt, and claims again at once while full batches come back, else after the poll interval.
 * Any number of dispatchers (in as many processes) share the work through the claim query.
 */
@Injectable()
export class ReminderDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  /** Who holds a claim: readable in the table, unique per dispatcher instance. */
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly logger = new Logger(ReminderDispatcher.name);
  private running?: Promise<void>;
  private stopping = false;
  private wake?: () => void;

  constructor(
    private readonly repository: DispatchRepository,
    @Inject(DELIVERY_CHANNEL) private readonly channel: DeliveryChannel,
    @Inject(DISPATCHER_OPTIONS) private readonly options: DispatcherOptions,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.enabled) this.start();
  }

  /** Before the pool closes: the batch in flight finishes (each call is bounded by the timeout). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.logger.log(
      `Dispatching reminders to the ${this.channel.name} channel as ${this.workerId} (every ${this.options.pollIntervalMs} ms, batches of ${this.options.batchSize})`,
    );
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
  }

  /** Claims one batch and delivers it; the number of reminders claimed. */
  async dispatchOnce(): Promise<number> {
    const claimed = await this.repository.claimDue(
      this.workerId,
      this.options.batchSize,
      this.options.leaseMs,
    );
    if (claimed.length === 0) return 0;
    const tasks = await this.repository.findTasks(claimed.map((reminder) => reminder.taskId));
    await Promise.all(
      claimed.map((reminder) => this.deliver(reminder, tasks.get(reminder.taskId))),
    );
    return claimed.length;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let claimed = 0;
      try {
        claimed = await this.dispatchOnce();
      } catch (error) {
        // The database may be gone for a while: keep polling, the claims are safe in it.
        this.logger.error({ err: error }, 'Claiming due reminders failed');
      }
      if (claimed < this.options.batchSize) await this.sleep(this.options.pollIntervalMs);
    }
  }

  private async deliver(reminder: Reminder, task: Task | undefined): Promise<void> {
    const payload: ReminderDuePayload = {
      type: 'reminder.due',
      reminder: toReminderDto(reminder),
      task: task ? toTaskDto(task) : null,
    };
    const attemptedAt = this.clock.now();
    const started = performance.now();
    const result = await this.channel.send({
      id: reminder.firingId,
      body: JSON.stringify(payload),
    });
    const durationMs = Math.round(performance.now() - started);
    const record: AttemptRecord = {
      channel: this.channel.name,
      attemptedAt,
      durationMs,
      httpStatus: result.httpStatus,
      ...outcomeOf(decide(result, reminder.attempts, this.options)),
    };
    try {
      await this.repository.recordAttempt({ reminder, workerId: this.workerId }, record);
    } catch (error) {
      // Not recorded: the lease runs out and the reminder is attempted again.
      this.logger.error({ err: error, reminderId: reminder.id }, 'Recording a delivery failed');
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

/** What a decision means for the reminder and for its delivery log. */
function outcomeOf(
  decision: Decision,
): Pick<AttemptRecord, 'outcome' | 'status' | 'error' | 'retryDelayMs'> {
  switch (decision.status) {
    case 'delivered':
      return { outcome: 'delivered', status: 'delivered', error: null };
    case 'failed':
      return { outcome: 'failed', status: 'failed', error: decision.error };
    case 'retry':
      return {
        outcome: 'retrying',
        status: 'scheduled',
        error: decision.error,
        retryDelayMs: decision.delayMs,
      };
  }
}
