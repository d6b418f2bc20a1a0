import { Logger } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { Agent, Dispatcher } from 'undici';
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
  /** Per call: from the moment the request is written to the connection to its answer. */
  timeoutMs: number;
  /** Keep-alive connections to the receiver, at most (one per delivery in flight). */
  connections: number;
}

/**
 * An HTTP POST signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>`), over a pool of
 * keep-alive connections (undici).
 */
export class WebhookChannel implements DeliveryChannel {
  readonly name = 'webhook';
  private readonly key: Buffer;
  private readonly agent: Agent;

  constructor(
    private readonly webhook: WebhookOptions,
    private readonly options: WebhookChannelOptions,
    private readonly clock: Clock,
  ) {
    this.key = Buffer.from(webhook.secret.replace(/^whsec_/, ''), 'base64');
    this.agent = new Agent({
      connections: options.connections,
      keepAliveTimeout: 30_000,
      connect: { timeout: options.timeoutMs },
      // The call's own deadline decides; these only stop a connection that would hang.
      headersTimeout: 2 * options.timeoutMs,
      bodyTimeout: 2 * options.timeoutMs,
    });
  }

  async send(message: DeliveryMessage): Promise<AttemptResult> {
    const timestamp = this.clock.now();
    const url = new URL(this.webhook.url);
    try {
      const answer = await new WebhookCall(this.options.timeoutMs).dispatch(this.agent, {
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'task-api-reminders',
          'webhook-id': message.id,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1_000)),
          'webhook-signature': this.sign(message.id, timestamp, message.body),
        },
        body: message.body,
      });
      const ok = answer.status >= 200 && answer.status < 300;
      return {
        ok,
        httpStatus: answer.status,
        error: ok ? null : `HTTP ${answer.status}`,
        retryAfterMs: parseRetryAfter(answer.retryAfter, this.clock.now()),
      };
    } catch (error) {
      return {
        ok: false,
        httpStatus: null,
        error:
          error instanceof CallTimeout
            ? `timed out after ${this.options.timeoutMs} ms`
            : describeError(error),
      };
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  /**
   * `v1,<base64 HMAC-SHA256 of id.timestamp.body>` keyed with the secret's bytes, as the
   * Standard Webhooks reference library signs (the tests verify with it), by node's native HMAC.
   */
  private sign(id: string, timestamp: Date, body: string): string {
    const seconds = Math.floor(timestamp.getTime() / 1_000);
    const mac = createHmac('sha256', this.key).update(`${id}.${seconds}.${body}`).digest('base64');
    return `v1,${mac}`;
  }
}

class CallTimeout extends Error {}

interface Answer {
  status: number;
  retryAfter: string | null;
}

/**
 * One webhook call through undici's dispatcher API, for the one moment `request()` does not
 * tell: when the request has been written to the connection. The timeout runs from there to
 * the answer's headers, so neither the dispatcher's own work nor waiting for a connection
 * counts (those are bounded by the connect timeout and by twice the timeout overall). When the
 * timer fires, the abort waits for the event loop's I/O phase (`setImmediate`): an answer that
 * arrived in time but is still unread because the process was busy is read first.
 * No redirect is followed: a signed payload is not forwarded elsewhere.
 */
class WebhookCall {
  private abort?: (reason: Error) => void;
  private answered = false;
  private status = 0;
  private retryAfter: string | null = null;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(private readonly timeoutMs: number) {}

  dispatch(agent: Agent, options: Dispatcher.DispatchOptions): Promise<Answer> {
    return new Promise<Answer>((resolve, reject) => {
      const finish = (error?: Error) => {
        for (const timer of this.timers) clearTimeout(timer);
        if (error) reject(error);
        else resolve({ status: this.status, retryAfter: this.retryAfter });
      };
      this.startDeadline(2 * this.timeoutMs);
      agent.dispatch(options, {
        onConnect: (abort: (reason: Error) => void) => {
          this.abort = abort;
        },
        onRequestSent: () => this.startDeadline(this.timeoutMs),
        onHeaders: (status: number, rawHeaders: Buffer[]) => {
          this.answered = true;
          this.status = status;
          this.retryAfter = headerOf(rawHeaders, 'retry-after');
          return true;
        },
        // The body is not needed; it is read to the end so that the connection is reused.
        onData: () => true,
        onComplete: () => finish(),
        onError: (error: Error) => finish(error),
      } as unknown as Dispatcher.DispatchHandler);
    });
  }

  private startDeadline(ms: number): void {
    const timer = setTimeout(
      () =>
        setImmediate(() => {
          if (!this.answered) this.abort?.(new CallTimeout());
        }),
      ms,
    );
    this.timers.push(timer);
  }
}

function headerOf(rawHeaders: Buffer[], name: string): string | null {
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i].toString('latin1').toLowerCase() === name) {
      return rawHeaders[i + 1].toString('latin1');
    }
  }
  return null;
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
