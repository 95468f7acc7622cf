import { Session } from 'node:inspector/promises';

/** A share of the gateway's CPU time, by the package whose code was running. */
export interface CpuShare {
  readonly part: string;
  readonly percent: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly url: string; readonly functionName: string };
  readonly children?: readonly number[];
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** The monotonic clock V8 stamps samples with, in microseconds. */
const nowMicros = () => Number(process.hrtime.bigint() / 1000n);

const TOP_PARTS = 8;
const IDLE = new Set(['(idle)', '(program)']);

/** `@smithy/core`, `node:net`, `functions/…`, or undefined for a frame without a source. */
function partOf(frame: ProfileNode['callFrame']): string | undefined {
  const fromPackage = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url)?.[1];
  if (fromPackage) return fromPackage;
  if (frame.url.startsWith('node:')) return 'node internals';
  if (frame.url.includes('/functions/')) return 'the service (functions/)';
  if (frame.url) return 'bench and local stack';
  return frame.functionName === '(garbage collector)' ? 'garbage collection' : undefined;
}

/**
 * Samples this process's main thread while `action` runs and shares its busy
 * time out by package. Node's own and native frames count for the nearest
 * package up the stack that called them, so a socket write made by the AWS
 * SDK counts as the SDK's. Profiling slows the code down; the shares hold.
 */
export async function profileCpu(action: () => Promise<void>): Promise<CpuShare[]> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const stop = async () => {
    const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
    session.disconnect();
    return profile;
  };

  const startedUs = nowMicros();
  try {
    await action();
  } catch (error) {
    await stop();
    throw error;
  }
  const endedUs = nowMicros();
  return sharesOf(await stop(), startedUs, endedUs);
}

/** Sample indexes taken while the action ran, so the profiler's own start and stop are left out. */
function samplesWithin(profile: Profile, startedUs: number, endedUs: number): number[] {
  const within: number[] = [];
  let at = profile.startTime;
  profile.timeDeltas.forEach((delta, index) => {
    at += delta;
    if (at >= startedUs && at <= endedUs) within.push(index);
  });
  // Should the clocks ever differ, every sample is better than none.
  return within.length > 0 ? within : profile.samples.map((_, index) => index);
}

function sharesOf(profile: Profile, startedUs: number, endedUs: number): CpuShare[] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id);

  const attributed = (id: number): string => {
    const own = partOf(nodes.get(id)!.callFrame);
    if (own && own !== 'node internals') return own;
    const parent = parents.get(id);
    return parent === undefined ? 'Node and native (sockets, streams, timers)' : attributed(parent);
  };

  const microsByPart = new Map<string, number>();
  for (const index of samplesWithin(profile, startedUs, endedUs)) {
    const id = profile.samples[index]!;
    if (IDLE.has(nodes.get(id)!.callFrame.functionName)) continue;
    const part = attributed(id);
    microsByPart.set(part, (microsByPart.get(part) ?? 0) + (profile.timeDeltas[index] ?? 0));
  }
  const busy = [...microsByPart.values()].reduce((sum, micros) => sum + micros, 0);
  return [...microsByPart]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_PARTS)
    .map(([part, micros]) => ({ part, percent: Math.round((micros / busy) * 100) }));
}
