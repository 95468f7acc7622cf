import { previousUtcDay, utcDay } from '../spend/utc-day.js';
import { JobInputError } from './job-errors.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The instant a run works for: the schedule's time when given, so that a late
 * retry still closes the day it was meant to, else now (a manual run).
 */
export function jobInstant(scheduledTime: string | undefined, now: Date): Date {
  if (scheduledTime === undefined) return now;

  const instantMs = ISO_INSTANT.test(scheduledTime) ? Date.parse(scheduledTime) : Number.NaN;
  if (Number.isNaN(instantMs)) {
    throw new JobInputError('scheduledTime must be an ISO 8601 instant with a time zone');
  }
  return new Date(instantMs);
}

/**
 * The days a run processes: the UTC day that ended before the instant's day,
 * and the day before that, so one missed run is caught up by the next. The
 * instant's own day is never among them: its calls may still be running.
 */
export function daysToProcess(instant: Date): [endedDay: string, dayBefore: string] {
  const endedDay = previousUtcDay(utcDay(instant));
  return [endedDay, previousUtcDay(endedDay)];
}
