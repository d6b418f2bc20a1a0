import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

export type Target = 'api' | 'baseline';

/** Node's flags for a script in TypeScript: the loader the project's own scripts run with. */
const TYPESCRIPT = ['-r', '@swc-node/register'];

export interface RunningServer {
  target: Target;
  url: string;
  stop(): Promise<void>;
}

/**
 * The API as a separate process, as production runs it (`npm start`): the build
 * (`dist/apps/api/main.js`, which `npm run bench` builds first) under `node --enable-source-maps`,
 * without the TypeScript loader the bench's own scripts need (a `preload` in TypeScript brings
 * it). Logs at `warn`, the dispatcher off (the seeded reminders are months ahead anyway), no
 * rate limit (the load comes from one address, far above any person's rate), the default pool
 * of 10.
 */
export async function startApi(
  databaseUrl: string,
  extra: { preload?: string; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const preload = extra.preload ? [...TYPESCRIPT, '-r', extra.preload] : [];
  const port = await freePort();
  return startServer('api', port, ['--enable-source-maps', ...preload, 'dist/apps/api/main.js'], {
    ...extra.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    REMINDERS_DISPATCHER_ENABLED: 'false',
    RATE_LIMIT_PER_MINUTE: '0',
    DB_POOL_SIZE: '10',
    NODE_ENV: 'production',
  });
}

/**
 * The hand-written baseline (`bench/baseline/server.ts`, or another server given with
 * `--baseline`: it gets `PORT`, `DATABASE_URL`, `DB_POOL_SIZE` and must answer `GET /health`),
 * with the same pool size as the API.
 */
export async function startBaseline(databaseUrl: string, script: string): Promise<RunningServer> {
  const port = await freePort();
  return startServer('baseline', port, [...TYPESCRIPT, script], {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    DB_POOL_SIZE: '10',
    NODE_ENV: 'production',
  });
}

/** A port nobody listens on now, so two runs of the bench on one machine do not collide. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

async function startServer(
  target: Target,
  port: number,
  args: string[],
  env: Record<string, string>,
): Promise<RunningServer> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(child, `${url}/${target === 'api' ? 'health/ready' : 'health'}`);
  return { target, url, stop: () => stop(child) };
}

/** Polls with a deadline rather than sleeping: boot time varies with the machine's load. */
async function waitUntilAnswering(child: ChildProcess, healthUrl: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${healthUrl}: the server exited early`);
    const ok = await fetch(healthUrl).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${healthUrl} did not answer within 60 s`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
