import { Logger } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import { Agent, request } from 'undici';
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
  /** Frees its connections. */
  close?(): Promise<void>;
}

export interface WebhookChannelOptions {
  /** Per call: from the moment the request is handed to the connection pool to its answer. */
  timeoutMs: number;
  /** Keep-alive connections to the receiver, at most (one per delivery in flight). */
  connections: number;
}

/**
 * An HTTP POST signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>`) by the reference library,
 * over a pool of keep-alive connections (undici).
 */
export class WebhookChannel implements DeliveryChannel {
  readonly name = 'webhook';
  private readonly signer: Webhook;
  private readonly agent: Agent;

  constructor(
    private readonly webhook: WebhookOptions,
    private readonly options: WebhookChannelOptions,
    private readonly clock: Clock,
  ) {
    this.signer = new Webhook(webhook.secret);
    this.agent = new Agent({
      connections: options.connections,
      keepAliveTimeout: 30_000,
      // The deadline below decides; these only stop a connection that would hang forever.
      headersTimeout: 2 * options.timeoutMs,
      bodyTimeout: 2 * options.timeoutMs,
    });
  }

  async send(message: DeliveryMessage): Promise<AttemptResult> {
    const timestamp = this.clock.now();
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'task-api-reminders',
      'webhook-id': message.id,
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1_000)),
      'webhook-signature': this.signer.sign(message.id, timestamp, message.body),
    };
    // Started last, once the message is signed: the timeout measures the call alone.
    const deadline = new CallDeadline(this.options.timeoutMs);
    try {
      // undici follows no redirect: a signed payload is not forwarded elsewhere.
      const response = await request(this.webhook.url, {
        method: 'POST',
        headers,
        body: message.body,
        dispatcher: this.agent,
        signal: deadline.signal,
      });
      deadline.answered();
      // The body is not needed; reading it to the end lets the connection be reused.
      await response.body.dump();
      const ok = response.statusCode >= 200 && response.statusCode < 300;
      const retryAfter = response.headers['retry-after'];
      return {
        ok,
        httpStatus: response.statusCode,
        error: ok ? null : `HTTP ${response.statusCode}`,
        retryAfterMs: parseRetryAfter(
          typeof retryAfter === 'string' ? retryAfter : null,
          this.clock.now(),
        ),
      };
    } catch (error) {
      const timedOut = deadline.signal.aborted;
      return {
        ok: false,
        httpStatus: null,
        error: timedOut ? `timed out after ${this.options.timeoutMs} ms` : describeError(error),
      };
    } finally {
      deadline.clear();
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

/**
 * Aborts a call that has no answer after `ms`. When the timer fires, the abort waits for the
 * event loop's I/O phase (`setImmediate`): an answer that arrived in time but is still unread,
 * because the process was busy, is read first and counts as in time.
 */
export class CallDeadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private settled = false;

  constructor(ms: number) {
    this.timer = setTimeout(
      () =>
        setImmediate(() => {
          if (!this.settled) this.controller.abort();
        }),
      ms,
    );
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  answered(): void {
    this.settled = true;
  }

  clear(): void {
    this.settled = true;
    clearTimeout(this.timer);
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

function describeError(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code ?? message ?? String(error);
}
