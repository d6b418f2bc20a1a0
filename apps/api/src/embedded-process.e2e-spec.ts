import { onRealPostgres } from '@task-api/core/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const BOOT_DEADLINE_MS = 90_000;
const BURST_CONCURRENCY = 8;

interface ApiProcess {
  child: ChildProcess;
  /** What it has printed so far (JSON log lines). */
  output: () => string;
  /** The base URL once it listens; rejects if it exits first. */
  ready: Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** An API token as the first start prints the administrator's. */
const PRINTED_TOKEN = /tapi_[\w-]{43}/g;

/** The command `npm start` runs, on an embedded data directory, on a port of its own. */
function startApi(dataDir: string): ApiProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      PGLITE_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      REMINDERS_DISPATCHER_ENABLED: 'false',
      NODE_OPTIONS: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stderr: string;
  }>((done) => child.once('exit', (code, signal) => done({ code, signal, stderr })));
  const ready = new Promise<string>((found, fail) => {
    const deadline = setTimeout(() => fail(new Error('not listening in time')), BOOT_DEADLINE_MS);
    const poll = setInterval(() => {
      const listening = /listening on (http:\/\/[\d.]+:\d+)/.exec(stdout);
      if (!listening) return;
      clearInterval(poll);
      clearTimeout(deadline);
      found(listening[1]);
    }, 50);
    void exited.then(() => {
      clearInterval(poll);
      clearTimeout(deadline);
      fail(new Error(`exited before listening: ${stderr}`));
    });
  });
  ready.catch(() => undefined);
  return { child, output: () => stdout, ready, exited };
}

/**
 * The embedded default as a user runs it: one process per data directory, and every write it
 * acknowledged is still there after the process is killed (`kill -9`) and started again.
 */
// Embedded PostgreSQL itself is under test, whatever the run's database: the embedded run
// (`env -u DATABASE_URL npm test`) covers it, the PostgreSQL run need not repeat it.
(onRealPostgres() ? describe.skip : describe)('Embedded PostgreSQL in a real process (e2e)', () => {
  let dataDir: string;
  const running: ApiProcess[] = [];

  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), 'task-api-process-'))));
  afterAll(async () => {
    for (const api of running) {
      api.child.kill('SIGKILL');
      await api.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the administrator token at the first start only, refuses a second process on the directory, and loses no acknowledged write to kill -9', async () => {
    const first = startApi(dataDir);
    running.push(first);
    const url = await first.ready;
    // A fresh install: the administrator's token, printed once, is how a user starts.
    const printed = first.output().match(PRINTED_TOKEN) ?? [];
    expect(printed).toHaveLength(1);
    const authorization = `Bearer ${printed[0]}`;

    // A second process on the same directory exits non-zero, naming it.
    const second = startApi(dataDir);
    running.push(second);
    const refused = await second.exited;
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`directory ${resolve(dataDir)} is in use`);

    // A burst of writes, killed in the middle: keep every id the API acknowledged.
    const acknowledged: string[] = [];
    let killed = false;
    const writer = async (worker: number): Promise<void> => {
      for (let i = 0; !killed; i++) {
        try {
          const response = await fetch(`${url}/tasks`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization },
            body: JSON.stringify({ title: `worker ${worker} write ${i}` }),
          });
          if (response.status === 201)
            acknowledged.push(((await response.json()) as { id: string }).id);
        } catch {
          // The connection died with the process: that write was never acknowledged.
        }
      }
    };
    const writers = Array.from({ length: BURST_CONCURRENCY }, (_, worker) => writer(worker));
    while (acknowledged.length < 100) await new Promise((resolve) => setTimeout(resolve, 10));
    first.child.kill('SIGKILL');
    killed = true;
    await first.exited;
    await Promise.all(writers);

    // Started again on the same directory (the dead process's lock is stale): all there.
    const restarted = startApi(dataDir);
    running.push(restarted);
    const again = await restarted.ready;
    expect(restarted.output().match(PRINTED_TOKEN)).toBeNull();
    const missing: string[] = [];
    for (const id of acknowledged) {
      const response = await fetch(`${again}/tasks/${id}`, { headers: { authorization } });
      if (response.status !== 200) missing.push(`${id}: ${response.status}`);
    }
    console.log(
      `[embedded] kill -9 during ${BURST_CONCURRENCY} concurrent writers: acknowledged ${acknowledged.length}, lost after restart ${missing.length}`,
    );
    expect({ acknowledged: acknowledged.length, missing }).toEqual({
      acknowledged: acknowledged.length,
      missing: [],
    });
    const listed = await fetch(`${again}/tasks?limit=200`, { headers: { authorization } });
    expect(listed.status).toBe(200);
  });
});
