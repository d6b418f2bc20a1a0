import { INSTANT_COLUMN } from '@task-api/core';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Reminder } from './reminder.entity';

export const DELIVERY_CHANNELS = ['webhook', 'log'] as const;
export type DeliveryChannelName = (typeof DELIVERY_CHANNELS)[number];

/**
 * `delivered`: the attempt succeeded; `retrying`: it failed and another attempt is scheduled;
 * `failed`: it failed and was the last (410 Gone, or the maximum number of attempts).
 */
export const DELIVERY_OUTCOMES = ['delivered', 'retrying', 'failed'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/** One delivery attempt of a reminder, written by the dispatcher. */
@Entity({ name: 'reminder_deliveries' })
@Index('reminder_deliveries_reminder_id_attempted_at_idx', ['reminderId', 'attemptedAt', 'id'])
export class ReminderDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'reminder_id', type: 'uuid' })
  reminderId: string;

  @ManyToOne(() => Reminder, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reminder_id', foreignKeyConstraintName: 'FK_reminder_deliveries_reminder' })
  reminder?: Reminder;

  /** The firing's id, sent as `webhook-id`: equal for the retries of one firing. */
  @Column({ name: 'webhook_id', type: 'uuid' })
  webhookId: string;

  /** 1 for the first attempt of the firing. */
  @Column({ type: 'integer' })
  attempt: number;

  @Column({ type: 'enum', enum: DELIVERY_CHANNELS, enumName: 'reminder_delivery_channel' })
  channel: DeliveryChannelName;

  @Column({ type: 'enum', enum: DELIVERY_OUTCOMES, enumName: 'reminder_delivery_outcome' })
  outcome: DeliveryOutcome;

  @Column({ name: 'attempted_at', ...INSTANT_COLUMN })
  attemptedAt: Date;

  @Column({ name: 'http_status', type: 'integer', nullable: true })
  httpStatus: number | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs: number;
}
