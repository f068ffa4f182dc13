import { createTestDatabase } from '@repo/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, type Database } from '../src/client.js';
import { runMigrations } from '../src/migrations.js';
import { ReportsRepository } from '../src/reports-repository.js';
import { seedDevelopmentData } from '../src/seed.js';

let database: Database;

beforeAll(async () => {
  database = createDatabase(await createTestDatabase(inject('stack').postgresAdminUrl, 'seed'));
  await runMigrations(database, 'test');
});

afterAll(async () => {
  await database.close();
});

describe('seedDevelopmentData', () => {
  it('leaves no report waiting for a job that was never enqueued', async () => {
    expect(await seedDevelopmentData(database.db)).toBe(3);
    const seeded = await new ReportsRepository(database.db).recent(10);
    expect(seeded.map((report) => [report.title, report.status]).sort()).toEqual([
      ['Monthly revenue', 'completed'],
      ['Quarterly churn', 'failed'],
      ['Weekly active users', 'completed'],
    ]);
  });
});
