/**
 * The local API alone in a process of its own, so that a load test measures
 * the API's memory and nothing else. Started by `startPrivateStack` with the
 * stack's environment; talks to its parent over IPC: `ready` with the URL,
 * `heap` on request (after a collection when asked and `--expose-gc` is on),
 * and stops on `stop`.
 */
import { startApiServer } from '../../../scripts/local/api-server.js';

type Message = { kind: 'heap'; collect?: boolean } | { kind: 'stop' };

const server = await startApiServer({ port: 0, host: '127.0.0.1' });
const send = (message: object) => process.send?.(message);
send({ kind: 'ready', url: server.url });

process.on('message', (message: Message) => {
  if (message.kind === 'heap') {
    const collect = (globalThis as { gc?: () => void }).gc;
    if (message.collect) collect?.();
    send({ kind: 'heap', heapUsedBytes: process.memoryUsage().heapUsed });
  }
  if (message.kind === 'stop') void server.stop().then(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
