import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, freePort, isolatedEnvironment, testSecretKey } from '@repo/testing';
import { describe, expect, inject, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/ladder-db.js', import.meta.url));

function ladderDb(args: string[], variables: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: isolatedEnvironment(variables),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

async function localVariables(environment: 'development' | 'test') {
  return {
    APP_ENV: environment,
    DATABASE_URL: await createTestDatabase(inject('stack').postgresAdminUrl, `cli_${environment}`),
    REDIS_URL: inject('stack').redisUrl,
    SECRET_KEY: testSecretKey(),
  };
}

/** A valid deployed configuration; its hosts do not resolve, so the commands must refuse before connecting. */
function deployedVariables(environment: 'staging' | 'production') {
  return {
    APP_ENV: environment,
    DATABASE_URL: `postgres://ladder:pw@db.${environment === 'staging' ? 'staging' : 'main'}.invalid:5432/ladder`,
    REDIS_URL: 'rediss://cache.invalid:6379/0',
    SECRET_KEY: 'Zk4Wq9Rt2Yp7Mn5Bv8Cx3Ls6Lk1Hg0FdSa',
    PUBLIC_URL: 'https://app.example.com',
    ALLOWED_HOSTS: 'app.example.com',
    STORAGE_BACKEND: 's3',
    S3_BUCKET: 'ladder-media',
    S3_REGION: 'eu-west-1',
  };
}

describe('ladder-db', () => {
  it('defaults to development locally and says it cannot reach Postgres instead of quoting a query', async () => {
    const port = await freePort();
    const result = ladderDb(['status'], {
      CI: undefined,
      DATABASE_URL: `postgres://ladder:ladder@127.0.0.1:${port}/ladder_dev`,
      REDIS_URL: inject('stack').redisUrl,
      SECRET_KEY: testSecretKey(),
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain('status: APP_ENV=development');
    expect(result.output).toContain(`cannot reach Postgres at 127.0.0.1:${port} (ECONNREFUSED)`);
    expect(result.output).toContain('Is pnpm dev running?');
    expect(result.output).not.toContain('Failed query');
  });

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

  it('refuses to migrate production without confirmation when there is no terminal', () => {
    const result = ladderDb(['migrate'], deployedVariables('production'));
    expect(result.code).toBe(1);
    expect(result.output).toContain('Refusing to migrate production without confirmation');
  });

  it.each(['staging', 'production'] as const)('refuses reset in %s altogether', (environment) => {
    const result = ladderDb(['reset', '--yes'], deployedVariables(environment));
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      'destructive commands are never allowed in staging or production',
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

  it('reports configuration problems and never prints the password', async () => {
    const variables = await localVariables('test');
    const result = ladderDb(['migrate'], { ...variables, PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.output).toContain('PORT [integer]');
    expect(result.output).not.toContain(inject('stack').postgresPassword);
  });
});
