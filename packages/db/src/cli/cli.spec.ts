import { freePort, testSecretKey } from '@repo/testing';
import { describe, expect, it } from 'vitest';
import { runDatabaseCli } from './main.js';
import { ladderDb } from './testing/ladder-db-process.js';

/** A valid deployed configuration; its hosts do not resolve, so the commands must refuse before connecting. */
function deployedVariables(environment: 'staging' | 'production') {
  return {
    APP_ENV: environment,
    DATABASE_URL: `postgres://app:pw@db.${environment}.invalid:5432/app`,
    REDIS_URL: 'rediss://cache.invalid:6379/0',
    SECRET_KEY: 'Zk4Wq9Rt2Yp7Mn5Bv8Cx3Ls6Lk1Hg0FdSa',
    PUBLIC_URL: 'https://app.example.com',
    ALLOWED_HOSTS: 'app.example.com',
    STORAGE_BACKEND: 's3',
    S3_BUCKET: 'app-media',
    S3_REGION: 'eu-west-1',
  };
}

function recordingOutput() {
  const lines: string[] = [];
  return {
    lines,
    output: { out: (line: string) => lines.push(line), error: (line: string) => lines.push(line) },
  };
}

describe('ladder-db usage', () => {
  it.each([[[]], [['frobnicate']], [['migrate', 'twice']], [['migrate', '--force']]])(
    'answers %j with the usage and exit code 2, before reading any configuration',
    async (argv) => {
      const { lines, output } = recordingOutput();
      expect(await runDatabaseCli(argv, output)).toBe(2);
      expect(lines.join('\n')).toContain('usage: ladder-db <migrate|seed|reset|status>');
    },
  );
});

describe('ladder-db without a server', () => {
  it('defaults to development locally and says it cannot reach Postgres instead of quoting a query', async () => {
    const port = await freePort();
    const result = ladderDb(['status'], {
      CI: undefined,
      DATABASE_URL: `postgres://app:app@127.0.0.1:${port}/app_dev`,
      REDIS_URL: 'redis://127.0.0.1:6379',
      SECRET_KEY: testSecretKey(),
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain('status: APP_ENV=development');
    expect(result.output).toContain(`cannot reach Postgres at 127.0.0.1:${port} (ECONNREFUSED)`);
    expect(result.output).toContain('Is pnpm dev running?');
    expect(result.output).not.toContain('Failed query');
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

  it('reports configuration problems and never prints the password', () => {
    const password = 'db-Pa55-w0rd-Q9x';
    const result = ladderDb(['migrate'], {
      APP_ENV: 'test',
      DATABASE_URL: `postgres://app:${password}@127.0.0.1:5432/app_test`,
      REDIS_URL: 'redis://127.0.0.1:6379',
      SECRET_KEY: testSecretKey(),
      PORT: 'eighty',
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain('PORT [integer]');
    expect(result.output).not.toContain(password);
  });
});
