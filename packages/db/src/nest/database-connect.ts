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

function isPermanent(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
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
        throw new Error(
          isPermanent(error)
            ? `The database at ${where} refused the connection: ${(error as Error).message}. Fix: check the user, password and database name in DATABASE_URL.`
            : `Cannot reach the database at ${where}: ${(error as Error).message}`,
          { cause: error },
        );
      }
      await sleep(Math.min(250 * 2 ** attempt, 2_000));
    }
  }
}
