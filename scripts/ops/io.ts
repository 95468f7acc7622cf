import type { Readable } from 'node:stream';

/** Where a command reads and writes: the process's own streams, or a test's. */
export interface OpsIo {
  /** `isTTY` is true when a person would type here rather than pipe something in. */
  readonly stdin: Readable & { readonly isTTY?: boolean };
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

export function processIo(): OpsIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}

/** Everything piped to standard input, as text. */
export async function readAll(stdin: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString('utf8');
}
