import { utcDay } from '../../functions/domain/spend/utc-day.js';
import { OpsError } from './errors.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A `--day YYYY-MM-DD` value, a real calendar day; today (UTC) when absent. */
export function dayOption(value: unknown, now = new Date()): string {
  if (value === undefined) return utcDay(now);
  const day = String(value);
  const startMs = DAY.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
  // Date.parse rolls 02-30 over to March; the round trip catches it.
  const valid = !Number.isNaN(startMs) && utcDay(new Date(startMs)) === day;
  if (!valid) throw new OpsError(`--day must be a UTC day as YYYY-MM-DD; got "${day}"`);
  return day;
}
