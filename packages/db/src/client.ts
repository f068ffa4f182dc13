import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.js';

/** The pool stays reachable as `$client`, for the few statements written as SQL text (see ReportsRepository). */
export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };

/** A typed Drizzle client over a pg pool; `close()` ends the pool. */
export interface Database {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Shown in pg_stat_activity, so a connection can be traced to its process. @default 'ladder' */
  applicationName?: string;
  /** Pool size. @default 10 */
  max?: number;
}

/** Both apps and every CLI connect through here. */
export function createDatabase(url: string, options: DatabaseOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'ladder',
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client that loses its connection emits here; without a listener the process would crash.
  pool.on('error', () => undefined);
  let closing: Promise<void> | undefined;
  return {
    db: drizzle(pool, { schema }),
    pool,
    close: () => (closing ??= pool.end()),
  };
}

/** One round trip to the server; throws when it cannot be reached. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
