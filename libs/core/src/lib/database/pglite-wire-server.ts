import type { PGlite } from '@electric-sql/pglite';
import { AddressInfo, Server, Socket, createServer } from 'node:net';

/**
 * PGlite served over the PostgreSQL wire protocol, one client connection at a time.
 *
 * PGlite is a single PostgreSQL session, so concurrent clients are only correct if each one has
 * the session to itself for as long as PostgreSQL would keep their work apart: from the first
 * message of an exchange up to its `Sync` (or simple `Query`), and, when that leaves a
 * transaction open, until the transaction ends. This server keeps that rule with one FIFO
 * session lock. (`@electric-sql/pglite-socket` queues message by message, so the Parse/Bind/
 * Execute of different connections interleave, and a statement of one connection can run inside
 * another's transaction: wrong rows, lost writes, hangs.)
 *
 * Its bounds stand in for the server's timeouts: waiting for the session longer than
 * `waitTimeoutMs` fails that exchange with SQLSTATE 57014 (statement timeout); a connection
 * that holds the session and sends nothing for `idleTimeoutMs` is rolled back and closed with
 * 25P03, as PostgreSQL's `idle_in_transaction_session_timeout` does; a client that disconnects
 * while holding it is rolled back.
 */
export interface PgliteWireServerOptions {
  waitTimeoutMs: number;
  idleTimeoutMs: number;
}

const SSL_REQUEST = 80877103;
const GSS_ENCRYPTION_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
/** Messages after which PostgreSQL answers ReadyForQuery: the end of one exchange. */
const EXCHANGE_ENDS = new Set(['S', 'Q', 'F']);
const TERMINATE = 'X';

type Release = () => void;

/** A FIFO mutex whose waiters give up after a deadline. */
class SessionLock {
  private held = false;
  private readonly waiters: { grant: () => void }[] = [];

  acquire(timeoutMs: number): Promise<Release | undefined> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve) => {
      const waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve(this.releaser());
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        resolve(undefined);
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next.grant();
      else this.held = false;
    };
  }
}

export class PgliteWireServer {
  private server?: Server;
  private readonly lock = new SessionLock();
  private readonly connections = new Set<Connection>();

  constructor(
    readonly db: PGlite,
    private readonly options: PgliteWireServerOptions,
  ) {}

  async listen(host = '127.0.0.1'): Promise<string> {
    const server = createServer((socket) => {
      const connection = new Connection(socket, this.db, this.lock, this.options);
      this.connections.add(connection);
      socket.once('close', () => this.connections.delete(connection));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, host, resolve);
    });
    this.server = server;
    return `${host}:${(server.address() as AddressInfo).port}`;
  }

  /** Closes every connection (their transactions roll back) and stops listening. */
  async close(): Promise<void> {
    const closing = [...this.connections].map((connection) => connection.close());
    await Promise.all(closing);
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
    this.server = undefined;
  }
}

class Connection {
  private buffer = Buffer.alloc(0);
  private started = false;
  private readonly pending: Buffer[] = [];
  private release?: Release;
  private working = false;
  private discardingUntilSync = false;
  private idleTimer?: NodeJS.Timeout;
  private closed?: Promise<void>;

  constructor(
    private readonly socket: Socket,
    private readonly db: PGlite,
    private readonly lock: SessionLock,
    private readonly options: PgliteWireServerOptions,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (data) => this.receive(data));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => void this.close());
  }

  close(): Promise<void> {
    this.closed ??= this.abandon();
    return this.closed;
  }

  private receive(data: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (let message = this.nextMessage(); message; message = this.nextMessage()) {
      this.pending.push(message);
    }
    void this.work();
  }

  /** Cuts one whole message off the buffer: untyped during startup, typed afterwards. */
  private nextMessage(): Buffer | undefined {
    const typed = this.started ? 1 : 0;
    if (this.buffer.length < typed + 4) return undefined;
    const length = typed + this.buffer.readInt32BE(typed);
    if (this.buffer.length < length) return undefined;
    const message = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    if (!this.started) {
      const code = message.readInt32BE(4);
      if (code === SSL_REQUEST || code === GSS_ENCRYPTION_REQUEST) {
        this.socket.write('N');
        return this.nextMessage();
      }
      if (code === CANCEL_REQUEST) {
        // There is no backend process to interrupt; PostgreSQL answers nothing either.
        this.socket.end();
        return undefined;
      }
      this.started = true;
    }
    return message;
  }

  /** Runs the pending messages, one exchange at a time, each under the session lock. */
  private async work(): Promise<void> {
    if (this.working || this.closed) return;
    this.working = true;
    try {
      while (this.pending.length > 0 && !this.closed) {
        if (this.discardingUntilSync) {
          this.discardUntilSync();
          continue;
        }
        if (this.pending[0][0] === TERMINATE.charCodeAt(0)) {
          this.socket.end();
          return;
        }
        if (!this.release) {
          this.release = await this.lock.acquire(this.options.waitTimeoutMs);
          if (this.closed) {
            this.release?.();
            this.release = undefined;
            return;
          }
          if (!this.release) {
            this.refuseExchange();
            continue;
          }
        }
        this.stopIdleTimer();
        const { messages, complete } = this.takeExchange();
        await this.execute(messages);
        if (complete && !this.db.isInTransaction()) {
          this.release();
          this.release = undefined;
        }
      }
      if (this.release) this.startIdleTimer();
    } catch {
      this.socket.destroy();
    } finally {
      this.working = false;
    }
  }

  /** The pending messages up to the end of the first exchange, or all if it is not complete. */
  private takeExchange(): { messages: Buffer; complete: boolean } {
    // The startup packet is an exchange of its own (PostgreSQL answers it with ReadyForQuery).
    if (this.pending[0][0] === 0) return { messages: this.pending.splice(0, 1)[0], complete: true };
    const end = this.pending.findIndex((message) => EXCHANGE_ENDS.has(exchangeType(message)));
    const taken = this.pending.splice(0, end === -1 ? this.pending.length : end + 1);
    return { messages: Buffer.concat(taken), complete: end !== -1 };
  }

  private async execute(messages: Buffer): Promise<void> {
    await this.db.execProtocolRawStream(new Uint8Array(messages), {
      onRawData: (data) => {
        if (!this.socket.destroyed) this.socket.write(Buffer.from(data));
      },
    });
  }

  /** The session stayed busy too long: this exchange fails as a statement timeout would. */
  private refuseExchange(): void {
    this.socket.write(
      errorResponse('ERROR', '57014', 'canceling statement due to statement timeout'),
    );
    this.discardingUntilSync = true;
  }

  private discardUntilSync(): void {
    const end = this.pending.findIndex((message) => EXCHANGE_ENDS.has(exchangeType(message)));
    this.pending.splice(0, end === -1 ? this.pending.length : end + 1);
    if (end === -1) return;
    this.discardingUntilSync = false;
    this.socket.write(readyForQuery('I'));
  }

  private startIdleTimer(): void {
    this.stopIdleTimer();
    this.idleTimer = setTimeout(() => {
      this.socket.write(
        errorResponse(
          'FATAL',
          '25P03',
          'terminating connection due to idle-in-transaction timeout',
        ),
      );
      this.socket.destroy();
    }, this.options.idleTimeoutMs);
    this.idleTimer.unref();
  }

  private stopIdleTimer(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  /** The client is gone: end its exchange, roll back its transaction, free the session. */
  private async abandon(): Promise<void> {
    this.stopIdleTimer();
    this.pending.length = 0;
    this.socket.destroy();
    while (this.working) await new Promise((resolve) => setImmediate(resolve));
    const release = this.release;
    if (!release) return;
    this.release = undefined;
    try {
      await this.db.execProtocolRawStream(new Uint8Array(sync()), { onRawData: () => undefined });
      if (this.db.isInTransaction()) {
        await this.db.execProtocolRawStream(new Uint8Array(simpleQuery('ROLLBACK')), {
          onRawData: () => undefined,
        });
      }
    } finally {
      release();
    }
  }
}

const exchangeType = (message: Buffer): string => String.fromCharCode(message[0]);

function frame(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

const sync = (): Buffer => frame('S', Buffer.alloc(0));
const simpleQuery = (sql: string): Buffer => frame('Q', Buffer.from(`${sql}\0`, 'utf8'));
const readyForQuery = (status: 'I' | 'T' | 'E'): Buffer => frame('Z', Buffer.from(status));

function errorResponse(severity: 'ERROR' | 'FATAL', code: string, message: string): Buffer {
  const fields = [`S${severity}`, `V${severity}`, `C${code}`, `M${message}`]
    .map((field) => `${field}\0`)
    .join('');
  return frame('E', Buffer.from(`${fields}\0`, 'utf8'));
}
