import { z } from 'zod';

const isRealDate = (day: string) => new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);

/** Query of `GET /agents/{id}/spend`: a UTC day, today when absent. */
export const spendQuery = z.strictObject({
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
    .refine(
      (day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && isRealDate(day),
      'must be a real date',
    )
    .optional(),
});

/** Query of `GET /usage`: a UTC month, this month when absent. */
export const usageQuery = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM')
    .optional(),
});
