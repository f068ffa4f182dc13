import { EnvironmentMismatchError } from '@repo/config';
import { createTestDatabase } from '@repo/testing';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createDatabase, type Database } from '../src/client.js';
import { readDatabaseEnvironment } from '../src/environment-stamp.js';
import { pendingMigrations, runMigrations } from '../src/migrations.js';

const open: Database[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((database) => database.close()));
});

async function freshDatabase(): Promise<Database> {
  const database = createDatabase(
    await createTestDatabase(inject('stack').postgresAdminUrl, 'migrations'),
  );
  open.push(database);
  return database;
}

describe('runMigrations', () => {
  it('applies every migration to a fresh database and stamps it', async () => {
    const database = await freshDatabase();
    expect(await pendingMigrations(database.db)).toEqual([
      '0000_initial',
      '0001_outbox_and_idempotency',
      '0002_report_email',
    ]);
    const outcome = await runMigrations(database, 'test');
    expect(outcome).toEqual({
      applied: ['0000_initial', '0001_outbox_and_idempotency', '0002_report_email'],
      stamped: true,
    });
    expect(await pendingMigrations(database.db)).toEqual([]);
    expect(await readDatabaseEnvironment(database.db)).toBe('test');
  });

  it('is a no-op the second time', async () => {
    const database = await freshDatabase();
    await runMigrations(database, 'test');
    expect(await runMigrations(database, 'test')).toEqual({ applied: [], stamped: false });
  });

  it('refuses a database stamped by another environment, naming both, and changes nothing', async () => {
    const database = await freshDatabase();
    await runMigrations(database, 'development');
    const before = await database.db.execute(
      sql`select count(*) from information_schema.tables where table_schema = 'public'`,
    );
    const error = await runMigrations(database, 'test').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EnvironmentMismatchError);
    expect((error as Error).message).toContain(
      'belongs to APP_ENV=development, but this process runs as APP_ENV=test',
    );
    const after = await database.db.execute(
      sql`select count(*) from information_schema.tables where table_schema = 'public'`,
    );
    expect(after.rows).toEqual(before.rows);
    expect(await readDatabaseEnvironment(database.db)).toBe('development');
  });

  it('lets concurrent runners through one at a time', async () => {
    const url = await createTestDatabase(inject('stack').postgresAdminUrl, 'concurrent');
    const runners = [createDatabase(url), createDatabase(url), createDatabase(url)];
    open.push(...runners);
    const outcomes = await Promise.all(runners.map((runner) => runMigrations(runner, 'test')));
    expect(outcomes.filter((outcome) => outcome.stamped)).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.applied.length > 0)).toHaveLength(1);
  });
});
