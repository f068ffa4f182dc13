import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row naming the environment that owns this database, written by the first migration run. Every process
 * compares it with its own APP_ENV and refuses a database that belongs to another environment.
 */
export const environmentStamp = pgTable('environment_stamp', {
  environment: text('environment').primaryKey(),
  stampedAt: timestamp('stamped_at', { withTimezone: true }).notNull().defaultNow(),
});
