import { describe, expect, it } from 'vitest';
import { daysToProcess, jobInstant } from '../../../functions/domain/jobs/job-days.js';
import { JOB_ERROR_CODE } from '../../../functions/domain/jobs/job-errors.js';

describe('job days', () => {
  it('processes the day that ended and the day before it', () => {
    const instant = new Date('2026-03-02T00:00:00Z');

    const days = daysToProcess(instant);

    expect(days).toEqual(['2026-03-01', '2026-02-28']);
  });

  it('never processes the instant’s own day, even late in it', () => {
    const lateInTheDay = new Date('2026-03-02T23:59:59.999Z');

    const days = daysToProcess(lateInTheDay);

    expect(days).not.toContain('2026-03-02');
    expect(days).toEqual(['2026-03-01', '2026-02-28']);
  });

  it('crosses a year and a leap day', () => {
    const newYear = daysToProcess(new Date('2025-01-01T00:00:00Z'));
    const leap = daysToProcess(new Date('2024-03-01T00:00:00Z'));

    expect(newYear).toEqual(['2024-12-31', '2024-12-30']);
    expect(leap).toEqual(['2024-02-29', '2024-02-28']);
  });

  it('works for the scheduled time rather than the clock', () => {
    const now = new Date('2026-03-05T10:00:00Z');

    const instant = jobInstant('2026-03-02T00:00:00Z', now);

    expect(instant.toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });

  it('reads an offset instant as the same moment in UTC', () => {
    const instant = jobInstant('2026-03-02T01:30:00+02:00', new Date());

    expect(instant.toISOString()).toBe('2026-03-01T23:30:00.000Z');
  });

  it('works for now when no time is scheduled', () => {
    const now = new Date('2026-03-05T10:00:00Z');

    const instant = jobInstant(undefined, now);

    expect(instant).toBe(now);
  });

  it.each(['yesterday', '2026-03-02', '2026-03-02T00:00:00', '2026-13-02T00:00:00Z'])(
    'refuses the scheduled time %j',
    (scheduledTime) => {
      const read = () => jobInstant(scheduledTime, new Date());

      expect(read).toThrow(expect.objectContaining({ code: JOB_ERROR_CODE.invalidInput }));
    },
  );
});
