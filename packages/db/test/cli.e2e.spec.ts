import { createTestDatabase, testSecretKey } from '@repo/testing';
import { describe, expect, inject, it } from 'vitest';
import { ladderDb } from '../src/cli/testing/ladder-db-process.js';

async function localVariables(environment: 'development' | 'test') {
  return {
    APP_ENV: environment,
    DATABASE_URL: await createTestDatabase(inject('stack').postgresAdminUrl, `cli_${environment}`),
    REDIS_URL: inject('stack').redisUrl,
    SECRET_KEY: testSecretKey(),
  };
}

describe('ladder-db', () => {
  it('migrates and stamps a fresh database, then finds nothing to do', async () => {
    const variables = await localVariables('test');
    const first = ladderDb(['migrate'], variables);
    expect(first.code).toBe(0);
    expect(first.output).toContain(
      'migrations: applied 3 (0000_initial, 0001_outbox_and_idempotency, 0002_report_email)',
    );
    expect(first.output).toContain('database stamped as test');
    expect(ladderDb(['migrate'], variables).output).toContain('migrations: already up to date');
    expect(ladderDb(['status'], variables).output).toContain('environment stamp: test');
  });

  it('refuses to migrate a database stamped by another environment, naming both', async () => {
    const variables = await localVariables('test');
    ladderDb(['migrate'], variables);
    const result = ladderDb(['migrate', '--env', 'development'], {
      ...variables,
      APP_ENV: undefined,
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      'belongs to APP_ENV=test, but this process runs as APP_ENV=development',
    );
  });

  it('seeds development once and refuses any other environment', async () => {
    const development = await localVariables('development');
    ladderDb(['migrate'], development);
    expect(ladderDb(['seed'], development).output).toContain('seed: created 3 sample reports');
    expect(ladderDb(['seed'], development).output).toContain('nothing to do');
    const refused = ladderDb(['seed'], await localVariables('test'));
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('fake data is for development only');
  });

  it('resets a test database only when confirmed', async () => {
    const variables = await localVariables('test');
    ladderDb(['migrate'], variables);
    expect(ladderDb(['reset'], variables).code).toBe(1);
    expect(ladderDb(['reset', '--yes'], variables).code).toBe(0);
    expect(ladderDb(['status'], variables).output).toContain(
      'environment stamp: (none: never migrated)',
    );
  });
});
