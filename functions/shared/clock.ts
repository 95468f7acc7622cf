import { setTimeout as delay } from 'node:timers/promises';

/** The current time; injected so tests and jobs can stand at any instant. */
export const systemNow = (): Date => new Date();

export const sleep = (ms: number): Promise<void> => delay(ms);
