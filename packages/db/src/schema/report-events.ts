import { index, pgTable, text, timestamp, uuid, bigserial } from 'drizzle-orm/pg-core';
import { reports } from './reports.js';

export const REPORT_EVENT_KINDS = [
  'queued',
  'started',
  'interrupted',
  'completed',
  'failed',
] as const;
export type ReportEventKind = (typeof REPORT_EVENT_KINDS)[number];

/**
 * An append-only history of each report. `completed` is written in the same transaction as the result and only
 * when the report was not already complete, so a replayed job can never apply twice.
 */
export const reportEvents = pgTable(
  'report_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: REPORT_EVENT_KINDS }).notNull(),
    detail: text('detail'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('report_events_report_id_idx').on(table.reportId)],
);

export type ReportEvent = typeof reportEvents.$inferSelect;
