import { setTimeout as sleep } from 'node:timers/promises';
import { EnvironmentMismatchError, maskUrl, type Config } from '@repo/config';
import { createDatabase, type Database } from '../client.js';
import { assertDatabaseEnvironment } from '../environment-stamp.js';

const ATTEMPTS = 10;

/**
 * SQLSTATEs no retry can fix: wrong password (28P01), refused role or host (28000), missing database (3D000).
 * The process stops at once with the server's reason instead of retrying for seconds.
 */
const PERMANENT_CODES = new Set(['28P01', '28000', '3D000']);

/** The driver's own error: drizzle wraps it in an error whose message is the SQL text. */
function driverError(error: unknown): Error {
  const cause = (error as { query?: unknown; cause?: unknown }).cause;
  if (typeof (error as { query?: unknown }).query === 'string' && cause instanceof Error)
    return cause;
  return error as Error;
}

function isPermanent(error: unknown): boolean {
  const code = (driverError(error) as { code?: unknown }).code;
  return typeof code === 'string' && PERMANENT_CODES.has(code);
}

/**
 * Connects and checks the environment stamp before the app serves anything. A database that is still starting
 * gets a few retries; a database owned by another environment stops the process at once.
 */
export async function connectDatabase(config: Config, applicationName: string): Promise<Database> {
  const database = createDatabase(config.database.url, { applicationName });
  for (let attempt = 1; ; attempt++) {
    try {
      await assertDatabaseEnvironment(database.db, config.appEnv);
      return database;
    } catch (error) {
      if (error instanceof EnvironmentMismatchError || isPermanent(error) || attempt === ATTEMPTS) {
        await database.close();
        if (error instanceof EnvironmentMismatchError) throw error;
        const where = maskUrl(config.database.url);
        const reason = driverError(error).message;
        throw new Error(
          isPermanent(error)
            ? `The database at ${where} refused the connection: ${reason}. Fix: check the user, password and database name in DATABASE_URL.`
            : `Cannot reach the database at ${where}: ${reason}`,
          { cause: error },
        );
      }
      await sleep(Math.min(250 * 2 ** attempt, 2_000));
    }
  }
}
