import { probePrisma } from './prisma-probe.js';
import { ensureBenchPythonEnv } from './python-bench-env.js';

/** What is known about the peer before the stack starts. */
export interface PeerSetup {
  /** Why LiteLLM cannot run at all (its venv could not be made). */
  readonly failure?: string;
  /** Why its database mode cannot run. */
  readonly databaseBlocker?: string;
}

/** Makes `.venv-bench` when needed and asks Prisma whether LiteLLM's database layer can start. */
export async function preparePeer(): Promise<PeerSetup> {
  if (process.env.BENCH_SKIP_PEER === '1') return { failure: 'skipped (BENCH_SKIP_PEER=1)' };
  const failure = await ensureBenchPythonEnv();
  if (failure) return { failure };
  const databaseBlocker = await probePrisma();
  return databaseBlocker ? { databaseBlocker } : {};
}
