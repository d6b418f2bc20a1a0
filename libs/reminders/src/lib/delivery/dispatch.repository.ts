import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PG_FOREIGN_KEY_VIOLATION, Task, sqlState } from '@task-api/core';
import { DataSource, In } from 'typeorm';
import { DeliveryChannelName, DeliveryOutcome } from '../reminder-delivery.entity';
import { Reminder, ReminderStatus } from '../reminder.entity';
import { reminderFromRow } from '../reminders.repository';

/** The claim the dispatcher holds on one reminder: the outcome is written only under it. */
export interface Claim {
  reminder: Reminder;
  workerId: string;
}

export interface AttemptRecord {
  channel: DeliveryChannelName;
  outcome: DeliveryOutcome;
  /** The reminder's status after the attempt (`scheduled` again when retrying). */
  status: ReminderStatus;
  attemptedAt: Date;
  durationMs: number;
  httpStatus: number | null;
  error: string | null;
  /** For a retry: how long from now until the next attempt. */
  retryDelayMs?: number;
}

/** The dispatcher's SQL: claiming due reminders under a lease and recording each attempt. */
@Injectable()
export class DispatchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One statement: due reminders whose lease is free or expired, oldest first, locked with SKIP
   * LOCKED so that concurrent dispatchers never claim the same row, and leased to this worker.
   * Each claim counts as an attempt, so a reminder that kills its dispatcher still runs out.
   */
  async claimDue(workerId: string, batchSize: number, leaseMs: number): Promise<Reminder[]> {
    const [rows]: [Record<string, unknown>[], number] = await this.dataSource.query(
      `UPDATE reminders
          SET lease_expires_at = now() + $3::int * interval '1 millisecond',
              leased_by = $2,
              attempts = attempts + 1,
              version = version + 1,
              updated_at = now()
        WHERE id IN (
          SELECT id FROM reminders
           WHERE status = 'scheduled'
             AND next_attempt_at <= now()
             AND (lease_expires_at IS NULL OR lease_expires_at < now())
           ORDER BY remind_at
           LIMIT $1
             FOR UPDATE SKIP LOCKED)
        RETURNING *`,
      [batchSize, workerId, leaseMs],
    );
    const reminders = rows.map((row) => reminderFromRow(this.dataSource.manager, row));
    return reminders.sort((a, b) => a.remindAt.getTime() - b.remindAt.getTime());
  }

  /** The tasks of a batch, for the payload: one statement. */
  async findTasks(taskIds: readonly string[]): Promise<Map<string, Task>> {
    const tasks = await this.dataSource.manager.findBy(Task, { id: In([...new Set(taskIds)]) });
    return new Map(tasks.map((task) => [task.id, task]));
  }

  /**
   * Writes the attempt to the log and its outcome to the reminder, in one statement. The
   * reminder changes only while the claim is still this one (same worker, firing and attempt):
   * one rescheduled, cancelled or re-claimed meanwhile keeps its new state. The attempt is
   * logged whatever happened, unless the reminder is gone.
   */
  async recordAttempt(claim: Claim, record: AttemptRecord): Promise<boolean> {
    const { reminder, workerId } = claim;
    try {
      const [row]: { applied: boolean }[] = await this.dataSource.query(
        `WITH outcome AS (
           UPDATE reminders
              SET status = $5::reminder_status,
                  delivered_at = CASE WHEN $5::reminder_status = 'delivered' THEN $7::timestamptz END,
                  last_error = $10::text,
                  next_attempt_at = CASE WHEN $5::reminder_status = 'scheduled'
                    THEN now() + $12::int * interval '1 millisecond' ELSE next_attempt_at END,
                  lease_expires_at = NULL,
                  leased_by = NULL,
                  version = version + 1,
                  updated_at = now()
            WHERE id = $1::uuid AND firing_id = $2::uuid AND attempts = $3::int AND leased_by = $4
              AND status = 'scheduled'
            RETURNING id
         ), logged AS (
           INSERT INTO reminder_deliveries
             (reminder_id, webhook_id, attempt, channel, outcome, attempted_at, duration_ms, http_status, error)
           SELECT $1, $2, $3, $11::reminder_delivery_channel, $6::reminder_delivery_outcome,
                  $7::timestamptz, $8::int, $9::int, $10::text
            WHERE EXISTS (SELECT 1 FROM reminders WHERE id = $1)
         )
         SELECT EXISTS (SELECT 1 FROM outcome) AS applied`,
        [
          reminder.id,
          reminder.firingId,
          reminder.attempts,
          workerId,
          record.status,
          record.outcome,
          record.attemptedAt,
          record.durationMs,
          record.httpStatus,
          record.error,
          record.channel,
          record.retryDelayMs ?? 0,
        ],
      );
      return row.applied;
    } catch (error) {
      // Deleted between the EXISTS check and the insert: nothing left to record.
      if (sqlState(error) === PG_FOREIGN_KEY_VIOLATION) return false;
      throw error;
    }
  }
}
