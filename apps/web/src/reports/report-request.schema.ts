import { z } from 'zod';

/**
 * Text a client may store: no NUL byte (Postgres text cannot hold one, so it would fail as a 500) and no lone
 * UTF-16 surrogate (invalid Unicode, silently mangled on the way to UTF-8).
 */
const storableText = z
  .string()
  .refine((text) => !text.includes('\u0000'), 'must not contain NUL characters')
  .refine((text) => text.isWellFormed(), 'must be valid Unicode');

/** The body of POST /api/reports. Unknown fields are refused, so a typo never passes silently. */
export const reportRequestSchema = z.strictObject({
  title: storableText.trim().min(1).max(120),
  periodDays: z.int().min(1).max(365),
  /** Mailed a download link once the report is complete. */
  email: z.email().max(254).optional(),
});

export type ReportRequest = z.infer<typeof reportRequestSchema>;
