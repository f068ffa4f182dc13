import { index, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { reports } from './reports.js';

/**
 * Reports whose job may not be in the queue yet. The entry is written in the same transaction as the report and
 * removed once the job is enqueued; an entry left behind (the web process died between commit and enqueue, or
 * Redis was away) is picked up by the worker's relay, so no report is ever left without its job.
 */
export const reportOutbox = pgTable(
  'report_outbox',
  {
    reportId: uuid('report_id')
      .primaryKey()
      .references(() => reports.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('report_outbox_created_at_idx').on(table.createdAt)],
);
