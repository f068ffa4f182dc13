import { setTimeout as sleep } from 'node:timers/promises';
import { EnvironmentMismatchError, maskUrl, type Config } from '@repo/config';
import { createDatabase, type Database } from '../client.js';
import { assertDatabaseEnvironment } from '../environment-stamp.js';
import { driverError, isPermanent } from './connection-errors.js';

const ATTEMPTS = 10;

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
