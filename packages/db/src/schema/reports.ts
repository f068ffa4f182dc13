import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const REPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** What the worker computes for a report; stored as JSON. */
export interface ReportResult {
  days: number;
  total: number;
  average: number;
  peakDay: number;
  peakValue: number;
}

/** The example job flow: a request stored by the web app, processed by the worker, read back by the client. */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    periodDays: integer('period_days').notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    result: jsonb('result').$type<ReportResult>(),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** The client's Idempotency-Key header: a retried POST with the same key returns this report. */
    idempotencyKey: text('idempotency_key'),
    /** Where the "report ready" mail goes once the report is complete; none when the request named no address. */
    email: text('email'),
  },
  (table) => [
    index('reports_created_at_idx').on(table.createdAt),
    uniqueIndex('reports_idempotency_key_idx').on(table.idempotencyKey),
    check(
      'reports_status_check',
      sql`${table.status} in ('queued', 'running', 'completed', 'failed')`,
    ),
  ],
);

export type Report = typeof reports.$inferSelect;
