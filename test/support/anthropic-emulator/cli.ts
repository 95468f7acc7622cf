import { parseArgs } from 'node:util';
import { startAnthropicEmulator } from './index.js';

/**
 * Runs the emulator as its own process, for tests and services that cannot share a process
 * with it. Prints one JSON line with the URL once listening, so a parent can wait for that line
 * instead of polling the port.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'latency-ms': { type: 'string', default: '0' },
      'min-cacheable-tokens': { type: 'string', default: '0' },
    },
  });

  const emulator = await startAnthropicEmulator({
    port: Number(values.port),
    host: values.host,
    latencyMs: Number(values['latency-ms']),
    minCacheableTokens: Number(values['min-cacheable-tokens']),
  });
  process.stdout.write(`${JSON.stringify({ url: emulator.url })}\n`);

  const shutdown = (): void => {
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`anthropic emulator failed to start: ${String(error)}\n`);
  process.exit(1);
});
