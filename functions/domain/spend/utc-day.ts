const DAY_MS = 86_400_000;

/** The UTC day of an instant, `YYYY-MM-DD`: the unit of daily caps. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** The UTC month of an instant, `YYYY-MM`. */
export const utcMonth = (at: Date): string => at.toISOString().slice(0, 7);

/** The next midnight UTC after an instant, when a day's cap starts afresh. */
export function nextUtcMidnight(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS + DAY_MS);
}

/** Whole seconds until the next midnight UTC, at least 1. */
export function secondsUntilReset(at: Date): number {
  return Math.max(1, Math.ceil((nextUtcMidnight(at).getTime() - at.getTime()) / 1000));
}

/** The UTC day before `day`. */
export function previousUtcDay(day: string): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS));
}
