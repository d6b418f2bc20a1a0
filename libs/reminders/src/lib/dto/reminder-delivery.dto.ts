import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '@task-api/core';
import {
  DELIVERY_CHANNELS,
  DELIVERY_OUTCOMES,
  DeliveryChannelName,
  DeliveryOutcome,
  ReminderDelivery,
} from '../reminder-delivery.entity';

/** One delivery attempt of a reminder. */
export class ReminderDeliveryDto {
  @ApiProperty({ format: 'uuid', example: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a' })
  id: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The `webhook-id` header: the same for every retry of one firing.',
    example: '3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9',
  })
  webhookId: string;

  @ApiProperty({ description: 'Attempt number within the firing, from 1.', example: 1 })
  attempt: number;

  @ApiProperty({
    enum: DELIVERY_CHANNELS,
    description: '`log` when no webhook is configured.',
    example: 'webhook',
  })
  channel: DeliveryChannelName;

  @ApiProperty({
    enum: DELIVERY_OUTCOMES,
    description:
      '`delivered`; `retrying` (failed, another attempt is scheduled); `failed` (failed for good).',
    example: 'delivered',
  })
  outcome: DeliveryOutcome;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T08:30:00.412Z' })
  attemptedAt: string;

  @ApiProperty({ type: Number, nullable: true, example: 200 })
  httpStatus: number | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  error: string | null;

  @ApiProperty({ example: 12 })
  durationMs: number;
}

export class ReminderDeliveryPageDto extends PageOf(ReminderDeliveryDto) {}

export function toReminderDeliveryDto(delivery: ReminderDelivery): ReminderDeliveryDto {
  return {
    id: delivery.id,
    webhookId: delivery.webhookId,
    attempt: delivery.attempt,
    channel: delivery.channel,
    outcome: delivery.outcome,
    attemptedAt: delivery.attemptedAt.toISOString(),
    httpStatus: delivery.httpStatus,
    error: delivery.error,
    durationMs: delivery.durationMs,
  };
}
