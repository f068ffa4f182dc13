import { sql } from 'drizzle-orm';
import type { Db } from './client.js';

/** Drops every table, the migration history and the environment stamp. The CLI allows it in development and test only. */
export async function resetDatabase(db: Db): Promise<void> {
  await db.execute(sql`drop schema if exists drizzle cascade`);
  await db.execute(sql`drop schema public cascade`);
  await db.execute(sql`create schema public`);
}
