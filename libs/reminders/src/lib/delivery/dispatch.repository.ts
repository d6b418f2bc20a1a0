import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PG_FOREIGN_KEY_VIOLATION, sqlState } from '@task-api/core';
import { DataSource } from 'typeorm';
import { DeliveryChannelName, DeliveryOutcome } from '../reminder-delivery.entity';
import { Reminder, ReminderStatus } from '../reminder.entity';
import { reminderFromRow } from '../reminders.repository';

/** One attempt and the claimed reminder it was made for: the outcome is written only under it. */
export interface RecordedAttempt {
  reminder: Reminder;
  record: AttemptRecord;
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

  /**
   * Writes a batch of attempts to the log and their outcomes to the reminders, in one statement.
   * A reminder changes only while its claim is still the one the attempt was made under (same
   * worker, firing and attempt): one rescheduled, cancelled or re-claimed meanwhile keeps its new
   * state. Every attempt is logged whatever happened, unless its reminder is gone. Returns how
   * many reminders took their outcome.
   */
  async recordAttempts(workerId: string, attempts: readonly RecordedAttempt[]): Promise<number> {
    if (attempts.length === 0) return 0;
    for (let tries = 1; ; tries++) {
      try {
        return await this.writeAttempts(workerId, attempts);
      } catch (error) {
        // A reminder deleted between the statement's check and its insert: the statement
        // changed nothing, and written again it leaves that reminder out.
        if (sqlState(error) !== PG_FOREIGN_KEY_VIOLATION || tries === 3) throw error;
      }
    }
  }

  private async writeAttempts(
    workerId: string,
    attempts: readonly RecordedAttempt[],
  ): Promise<number> {
    const column = <T>(pick: (attempt: RecordedAttempt) => T): T[] => attempts.map(pick);
    const [row]: { applied: number }[] = await this.dataSource.query(
      `WITH input AS (
         SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::reminder_status[],
                              $6::reminder_delivery_outcome[], $7::timestamptz[], $8::int[],
                              $9::int[], $10::text[], $11::reminder_delivery_channel[], $12::int[])
           AS i(id, firing_id, attempt, status, outcome, attempted_at, duration_ms, http_status,
                error, channel, retry_delay_ms)
       ), outcome AS (
         UPDATE reminders r
            SET status = i.status,
                delivered_at = CASE WHEN i.status = 'delivered' THEN i.attempted_at END,
                last_error = i.error,
                next_attempt_at = CASE WHEN i.status = 'scheduled'
                  THEN now() + i.retry_delay_ms * interval '1 millisecond' ELSE r.next_attempt_at END,
                lease_expires_at = NULL,
                leased_by = NULL,
                version = r.version + 1,
                updated_at = now()
           FROM input i
          WHERE r.id = i.id AND r.firing_id = i.firing_id AND r.attempts = i.attempt
            AND r.leased_by = $1 AND r.status = 'scheduled'
          RETURNING r.id
       ), logged AS (
         INSERT INTO reminder_deliveries
           (reminder_id, webhook_id, attempt, channel, outcome, attempted_at, duration_ms, http_status, error)
         SELECT i.id, i.firing_id, i.attempt, i.channel, i.outcome, i.attempted_at, i.duration_ms,
                i.http_status, i.error
           FROM input i WHERE EXISTS (SELECT 1 FROM reminders r WHERE r.id = i.id)
       )
       SELECT count(*)::int AS applied FROM outcome`,
      [
        workerId,
        column((a) => a.reminder.id),
        column((a) => a.reminder.firingId),
        column((a) => a.reminder.attempts),
        column((a) => a.record.status),
        column((a) => a.record.outcome),
        column((a) => a.record.attemptedAt.toISOString()),
        column((a) => a.record.durationMs),
        column((a) => a.record.httpStatus),
        column((a) => a.record.error),
        column((a) => a.record.channel),
        column((a) => a.record.retryDelayMs ?? 0),
      ],
    );
    return row.applied;
  }

  /**
   * Gives back claims that were never sent (the process is stopping): free at once for any
   * dispatcher, and the claim no longer counts as an attempt.
   */
  async release(workerId: string, reminders: readonly Reminder[]): Promise<number> {
    if (reminders.length === 0) return 0;
    const [, released]: [unknown, number] = await this.dataSource.query(
      `UPDATE reminders r
          SET lease_expires_at = NULL, leased_by = NULL, attempts = r.attempts - 1,
              version = r.version + 1, updated_at = now()
         FROM unnest($2::uuid[], $3::int[]) AS c(id, attempt)
        WHERE r.id = c.id AND r.attempts = c.attempt AND r.leased_by = $1 AND r.status = 'scheduled'`,
      [workerId, reminders.map((r) => r.id), reminders.map((r) => r.attempts)],
    );
    return released;
  }

  /** Reminders due and not yet delivered (claimed or not), for the metrics. */
  async countDue(): Promise<number> {
    const [row]: { due: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS due FROM reminders WHERE status = 'scheduled' AND next_attempt_at <= now()`,
    );
    return row.due;
  }
}
