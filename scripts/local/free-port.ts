import { createServer } from 'node:net';

/**
 * A TCP port free on the host right now, for servers that cannot listen on
 * port 0 and report the port they got (moto_server). Another process could
 * take it between this call and the bind; on a developer machine that is rare
 * enough that the caller's start-up check is the only guard.
 */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}
