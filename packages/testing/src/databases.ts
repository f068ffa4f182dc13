import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Creates `name` on the server behind `adminUrl` and returns the URL of the new database. */
export async function createDatabaseNamed(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A fresh database per test file, so files never share data. The name ends in `_test`, as test databases
 * should (the rules refuse such names in staging and production).
 */
export async function createTestDatabase(adminUrl: string, label: string): Promise<string> {
  return createDatabaseNamed(
    adminUrl,
    `${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(3).toString('hex')}_test`,
  );
}
