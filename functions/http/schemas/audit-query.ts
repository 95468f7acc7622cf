import { z } from 'zod';

/** Query of `GET /agents/{id}/audit-events`. */
export const auditPageQuery = z.strictObject({
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(20),
  cursor: z.string().max(200, 'is not a cursor this API returned').optional(),
});
