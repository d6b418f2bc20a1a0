import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A webhook receiver in a process of its own (`node -r @swc-node/register slow-receiver.ts`),
 * so that its timing does not depend on the load of the process under test: it answers every
 * POST with 204 exactly `RECEIVER_DELAY_MS` after the request arrived, counts the calls per
 * `webhook-id` (`GET /calls`), and prints its port on stdout once listening.
 */
const delayMs = Number(process.env.RECEIVER_DELAY_MS ?? 0);
const calls = new Map<string, number>();

const server = createServer((request, response) => {
  if (request.method === 'GET') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(Object.fromEntries(calls)));
    return;
  }
  const id = String(request.headers['webhook-id']);
  calls.set(id, (calls.get(id) ?? 0) + 1);
  request.resume();
  setTimeout(() => response.writeHead(204).end(), delayMs);
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
