import { z } from 'zod';

/** The body of POST /api/reports. Unknown fields are refused, so a typo never passes silently. */
export const reportRequestSchema = z.strictObject({
  title: z.string().trim().min(1).max(120),
  periodDays: z.int().min(1).max(365),
});

export type ReportRequest = z.infer<typeof reportRequestSchema>;
