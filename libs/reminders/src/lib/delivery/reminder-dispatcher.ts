import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { OwnedTaskView, Shutdown, TaskDto, TasksService } from '@task-api/core';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Clock } from '../clock';
import { ReminderDto, toReminderDto } from '../dto/reminder.dto';
import { Reminder } from '../reminder.entity';
import { DeliveryChannel } from './channels';
import { AttemptRecord, DispatchRepository } from './dispatch.repository';
import { DeliveryMetrics } from './delivery-metrics';
import { DispatcherOptions } from './dispatcher-options';
import { OutcomeRecorder } from './outcome-recorder';
import { Decision, decide } from './retry-policy';

export const DISPATCHER_OPTIONS = Symbol('DISPATCHER_OPTIONS');
export const DELIVERY_CHANNEL = Symbol('DELIVERY_CHANNEL');

/**
 * The webhook body: the user whose reminder it is (the task's owner), the reminder and its task,
 * each as the API shows them to that user. (One receiver serves every user of a deployment.)
 */
export interface ReminderDuePayload {
  type: 'reminder.due';
  ownerId: string | null;
  reminder: ReminderDto;
  task: TaskDto | null;
}

/**
 * Delivers due reminders. Up to `concurrency` deliveries are in flight, each on its own: when
 * one completes its slot frees, and claims (one statement, under a lease) top up the free
 * slots; outcomes are written in batches. When less was due than asked for, it waits the poll
 * interval. Any number of dispatchers (in as many processes) share the work through the claim.
 * On stop it claims no more, gives back what it claimed but did not send, and lets the calls in
 * flight finish (each bounded by the timeout) and their outcomes be written.
 */
@Injectable()
export class ReminderDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  /** Who holds a claim: readable in the table, unique per dispatcher instance. */
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly logger = new Logger(ReminderDispatcher.name);
  private readonly recorder: OutcomeRecorder;
  /** Claims being prepared and deliveries in flight (each also writes its outcome later). */
  private readonly work = new Set<Promise<void>>();
  /** Slots taken: reminders claimed and not yet sent. */
  private busy = 0;
  private slotFreed?: () => void;
  private running?: Promise<void>;
  private stopping = false;
  private wake?: () => void;

  constructor(
    private readonly repository: DispatchRepository,
    @Inject(DELIVERY_CHANNEL) private readonly channel: DeliveryChannel,
    @Inject(DISPATCHER_OPTIONS) private readonly options: DispatcherOptions,
    private readonly clock: Clock,
    private readonly tasks: TasksService,
    private readonly metrics: DeliveryMetrics,
    @Optional() shutdown?: Shutdown,
  ) {
    this.recorder = new OutcomeRecorder(repository, this.workerId, metrics, this.logger);
    // At SIGTERM, claiming stops at once (the app's shutdown hooks then wait for the rest).
    shutdown?.onDrain(() => void this.stop());
  }

  onApplicationBootstrap(): void {
    if (this.options.enabled) this.start();
  }

  /** Before the pool closes: the calls in flight finish and their outcomes are written. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
    await this.channel.close?.();
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.logger.log(
      `Dispatching reminders to the ${this.channel.name} channel as ${this.workerId} (up to ${this.options.concurrency} at once, claims of up to ${this.options.batchSize}, polling every ${this.options.pollIntervalMs} ms)`,
    );
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
  }

  /**
   * Claims up to `limit` due reminders and starts their delivery (not waiting for it); the
   * number claimed. Stopping meanwhile gives the claims back unsent.
   */
  async dispatchOnce(limit = this.options.batchSize): Promise<number> {
    const claimed = await this.repository.claimDue(
      this.workerId,
      Math.min(limit, this.options.batchSize),
      this.options.leaseMs,
    );
    if (claimed.length === 0) return 0;
    // The slots are taken now; the next claim need not wait for this one's task views.
    this.busy += claimed.length;
    this.track(this.prepareAndSend(claimed));
    return claimed.length;
  }

  /** Resolves when every delivery started so far is sent and its outcome written. */
  async settled(): Promise<void> {
    while (this.work.size > 0) await Promise.all(this.work);
    await this.recorder.flush();
  }

  private async loop(): Promise<void> {
    const topUpAt = Math.max(
      1,
      Math.floor(Math.min(this.options.batchSize, this.options.concurrency) / 2),
    );
    while (!this.stopping) {
      const free = this.options.concurrency - this.busy;
      // Claim when enough slots are free to make a claim worth its statement.
      if (free < topUpAt) {
        await this.pause(new Promise<void>((resolve) => (this.slotFreed = resolve)));
        continue;
      }
      let claimed = 0;
      try {
        claimed = await this.dispatchOnce(free);
      } catch (error) {
        // The database may be gone for a while: keep polling, the claims are safe in it.
        this.logger.error({ err: error }, 'Claiming due reminders failed');
      }
      if (claimed < Math.min(free, this.options.batchSize)) {
        let timer: NodeJS.Timeout | undefined;
        await this.pause(
          new Promise((resolve) => (timer = setTimeout(resolve, this.options.pollIntervalMs))),
        );
        clearTimeout(timer);
      }
    }
    await this.settled();
  }

  /**
   * Loads the task views of a claim and starts its deliveries; gives the claim back if the views
   * cannot be loaded or the dispatcher is stopping. Never rejects.
   */
  private async prepareAndSend(claimed: readonly Reminder[]): Promise<void> {
    let views: Map<string, OwnedTaskView>;
    try {
      views = await this.taskViews(claimed);
    } catch (error) {
      this.logger.error({ err: error }, 'Loading the tasks of claimed reminders failed');
      await this.giveBack(claimed);
      return;
    }
    if (this.stopping) {
      await this.giveBack(claimed);
      return;
    }
    for (const reminder of claimed) this.track(this.deliver(reminder, views.get(reminder.taskId)));
  }

  /**
   * One task view per task of the claim, as the API shows it, with its owner: the dispatcher
   * acts for no user (it is the system), so it reads them whoever owns them.
   */
  private async taskViews(reminders: readonly Reminder[]): Promise<Map<string, OwnedTaskView>> {
    return this.tasks.ownedViews(reminders.map((reminder) => reminder.taskId));
  }

  private async giveBack(reminders: readonly Reminder[]): Promise<void> {
    try {
      await this.repository.release(this.workerId, reminders);
    } catch (error) {
      // Not released: the lease runs out and another dispatcher takes them then.
      this.logger.error({ err: error }, 'Releasing unsent reminders failed');
    } finally {
      this.freeSlots(reminders.length);
    }
  }

  private freeSlots(count: number): void {
    this.busy -= count;
    this.slotFreed?.();
  }

  private track(work: Promise<void>): void {
    this.work.add(work);
    void work.finally(() => this.work.delete(work));
  }

  /** Never rejects: whatever happens ends as an outcome, or as a claim left to its lease. */
  private async deliver(reminder: Reminder, task: OwnedTaskView | undefined): Promise<void> {
    try {
      await this.attempt(reminder, task);
    } catch (error) {
      this.logger.error({ err: error, reminderId: reminder.id }, 'Delivering a reminder failed');
    } finally {
      this.freeSlots(1);
    }
  }

  private async attempt(reminder: Reminder, task: OwnedTaskView | undefined): Promise<void> {
    const payload: ReminderDuePayload = {
      type: 'reminder.due',
      ownerId: task?.ownerId ?? null,
      reminder: toReminderDto(reminder),
      task: task?.task ?? null,
    };
    const attemptedAt = this.clock.now();
    this.metrics.attempted(reminder.nextAttemptAt, attemptedAt);
    const started = performance.now();
    const result = await this.channel.send({
      id: reminder.firingId,
      body: JSON.stringify(payload),
    });
    const record: AttemptRecord = {
      channel: this.channel.name,
      attemptedAt,
      durationMs: Math.round(performance.now() - started),
      httpStatus: result.httpStatus,
      ...outcomeOf(decide(result, reminder.attempts, this.options)),
    };
    this.recorder.add({ reminder, record });
  }

  /** Waits for `event`, or less if the dispatcher is stopped meanwhile. */
  private async pause(event: Promise<unknown>): Promise<void> {
    await Promise.race([event, new Promise<void>((resolve) => (this.wake = resolve))]);
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
