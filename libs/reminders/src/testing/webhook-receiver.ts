import { randomBytes } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { ReminderDuePayload } from '../lib/delivery/reminder-dispatcher';

/** A webhook call that arrived with a valid Standard Webhooks signature. */
export interface Receipt {
  webhookId: string;
  timestamp: number;
  path: string;
  payload: ReminderDuePayload;
  /** `Date.now()` when it arrived. */
  receivedAt: number;
}

export interface ReceiverAnswer {
  status: number;
  headers?: Record<string, string>;
  /** Hold the answer until this settles (to keep a call in flight). */
  after?: Promise<unknown>;
}

export type Responder = (receipt: Receipt) => ReceiverAnswer;

export const newWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`;

/**
 * A real HTTP server on a loopback port that checks every call's signature with the Standard
 * Webhooks library, keeps what it received, and answers as the test tells it to.
 */
export class WebhookReceiver {
  readonly receipts: Receipt[] = [];
  /** Calls whose signature did not verify (answered 401). */
  invalid = 0;
  respond: Responder = () => ({ status: 204 });
  private readonly verifier: Webhook;

  private constructor(
    private readonly server: Server,
    readonly secret: string,
  ) {
    this.verifier = new Webhook(secret);
  }

  static async start(secret = newWebhookSecret()): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server, secret);
    server.on('request', (request, response) => void receiver.handle(request, response));
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Receipts per reminder id. */
  byReminder(): Map<string, Receipt[]> {
    const map = new Map<string, Receipt[]>();
    for (const receipt of this.receipts) {
      const id = receipt.payload.reminder.id;
      map.set(id, [...(map.get(id) ?? []), receipt]);
    }
    return map;
  }

  reset(): void {
    this.receipts.length = 0;
    this.invalid = 0;
    this.respond = () => ({ status: 204 });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = request.headers as Record<string, string>;
    let payload: ReminderDuePayload;
    try {
      payload = this.verifier.verify(body, headers) as ReminderDuePayload;
    } catch {
      this.invalid++;
      response.writeHead(401).end();
      return;
    }
    const receipt: Receipt = {
      webhookId: headers['webhook-id'],
      timestamp: Number(headers['webhook-timestamp']),
      path: request.url ?? '/',
      payload,
      receivedAt: Date.now(),
    };
    this.receipts.push(receipt);
    const answer = this.respond(receipt);
    await answer.after;
    response.writeHead(answer.status, answer.headers).end();
  }
}
