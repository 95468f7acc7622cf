/**
 * The local API in a process of its own, for latency runs: the load generator
 * and the service then compete for the CPU as a client and a Lambda would not,
 * rather than for one event loop. Its environment (moto, emulator, table
 * names) comes from the parent; it prints `{"url": …}` once listening.
 */
import { startApiServer } from '../scripts/local/api-server.js';

const server = await startApiServer({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

const stop = () => {
  server.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
