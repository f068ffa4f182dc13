import { EnvironmentMismatchError, type AppEnvironment } from '@repo/config';
import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { environmentStamp } from './schema/index.js';

/** The environment this database was stamped with; undefined before the first migration run. */
export async function readDatabaseEnvironment(db: Db): Promise<string | undefined> {
  const exists = await db.execute<{ table: string | null }>(
    sql`select to_regclass('public.environment_stamp') as "table"`,
  );
  if (!exists.rows[0]?.table) return undefined;
  const rows = await db.select().from(environmentStamp);
  // Several stamps can only come from hand edits; joined, they match no environment and every process refuses.
  return rows.length === 0 ? undefined : rows.map((row) => row.environment).join(',');
}

/** Throws EnvironmentMismatchError when the database belongs to another environment; an unstamped one passes. */
export async function assertDatabaseEnvironment(
  db: Db,
  environment: AppEnvironment,
): Promise<void> {
  const stamped = await readDatabaseEnvironment(db);
  if (stamped !== undefined && stamped !== environment) {
    throw new EnvironmentMismatchError('the database', stamped, environment, 'DATABASE_URL');
  }
}
