import { Logger } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import { Clock } from '../clock';
import { DeliveryChannelName } from '../reminder-delivery.entity';
import { AttemptResult, parseRetryAfter } from './retry-policy';
import { WebhookOptions } from './dispatcher-options';

export interface DeliveryMessage {
  /** `webhook-id`: the firing's id, the same for all its retries. */
  id: string;
  /** The JSON body, signed as sent. */
  body: string;
}

/** Where a due reminder goes. */
export interface DeliveryChannel {
  readonly name: DeliveryChannelName;
  send(message: DeliveryMessage): Promise<AttemptResult>;
}

/**
 * An HTTP POST signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>`) by the reference library.
 */
export class WebhookChannel implements DeliveryChannel {
  readonly name = 'webhook';
  private readonly signer: Webhook;

  constructor(
    private readonly webhook: WebhookOptions,
    private readonly timeoutMs: number,
    private readonly clock: Clock,
  ) {
    this.signer = new Webhook(webhook.secret);
  }

  async send(message: DeliveryMessage): Promise<AttemptResult> {
    const timestamp = this.clock.now();
    try {
      const response = await fetch(this.webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'task-api-reminders',
          'webhook-id': message.id,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1_000)),
          'webhook-signature': this.signer.sign(message.id, timestamp, message.body),
        },
        body: message.body,
        // A signed payload is not forwarded elsewhere: a redirect is an answer like any other.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      // The body is not needed; discarding it lets the connection be reused.
      await response.body?.cancel().catch(() => undefined);
      return {
        ok: response.ok,
        httpStatus: response.status,
        error: response.ok ? null : `HTTP ${response.status}`,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), this.clock.now()),
      };
    } catch (error) {
      return { ok: false, httpStatus: null, error: describeFetchError(error, this.timeoutMs) };
    }
  }
}

/** With no webhook configured, a due reminder is written to the log, and counts as delivered. */
export class LogChannel implements DeliveryChannel {
  readonly name = 'log';
  private readonly logger = new Logger('Reminders');

  async send(message: DeliveryMessage): Promise<AttemptResult> {
    this.logger.log({ webhookId: message.id, payload: JSON.parse(message.body) }, 'reminder.due');
    return { ok: true, httpStatus: null, error: null };
  }
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
}
