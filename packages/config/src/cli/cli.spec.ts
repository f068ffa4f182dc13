import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childProcessEnv } from '../host-env.js';
import { folderWith, productionVariables, type Variables } from '../testing/fixtures.js';
import { repositoryRoot, runCapturing } from '../testing/run-cli.js';

const packageFolder = join(import.meta.dirname, '..', '..');

function envFile(variables: Variables): string {
  const text = Object.entries(variables)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}="${value}"`)
    .join('\n');
  return join(folderWith({ 'candidate.env': text }), 'candidate.env');
}

const run = runCapturing;

describe('env:check', () => {
  it('exits 0 and says so for a valid production file', () => {
    const result = run([
      'check',
      '--env',
      'production',
      '--env-file',
      envFile(productionVariables()),
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([
      expect.stringMatching(
        /^production configuration is valid \(fingerprint [0-9a-f]{12}\/[0-9a-f]{12}\)$/,
      ),
    ]);
  });

  it('exits 1 on the committed production example, one problem per line starting with the variable', () => {
    const result = run(['check', '--env', 'production', '--env-file', '.env.production.example']);
    expect(result.code).toBe(1);
    expect(result.out.length).toBeGreaterThan(5);
    for (const line of result.out)
      expect(line).toMatch(/^[A-Z][A-Z0-9_]* \[[a-z-]+\] .+\. Fix: .+$/);
    const variables = new Set(result.out.map((line) => line.split(' ')[0]));
    for (const name of ['SECRET_KEY', 'DATABASE_URL', 'REDIS_URL', 'PUBLIC_URL', 'ALLOWED_HOSTS'])
      expect(variables).toContain(name);
  });

  it('exits 1 on the committed staging example', () => {
    expect(run(['check', '--env', 'staging', '--env-file', '.env.staging.example']).code).toBe(1);
  });

  it('refuses a file whose APP_ENV is another environment', () => {
    const result = run([
      'check',
      '--env',
      'production',
      '--env-file',
      envFile({ ...productionVariables(), APP_ENV: 'staging' }),
    ]);
    expect(result.code).toBe(1);
    expect(result.out[0]).toMatch(/^APP_ENV \[environment-mismatch\]/);
  });

  it('validates the process environment together with the file', () => {
    const result = run(
      ['check', '--env', 'production', '--env-file', envFile(productionVariables())],
      { DEBUG: 'true' },
    );
    expect(result.out).toEqual([expect.stringMatching(/^DEBUG \[debug-off\]/)]);
  });

  it('refuses an environment name that is not one of the four', () => {
    const result = run(['check', '--env', 'prod', '--env-file', envFile(productionVariables())]);
    expect(result.code).toBe(1);
    expect(result.out.join('\n')).toContain('one of development, staging, production, test');
  });

  it('exits 2 without --env, or with an unknown command', () => {
    expect(run(['check']).code).toBe(2);
    expect(run(['deploy', '--env', 'production']).code).toBe(2);
    expect(run(['check', '--env', 'production', '--nope']).code).toBe(2);
  });
});

describe('env:print', () => {
  it('prints every variable with its masked value and where it came from', () => {
    const file = envFile({ ...productionVariables(), PORT: undefined });
    const result = run(['print', '--env', 'production', '--env-file', file], { PORT: '9000' });
    expect(result.code).toBe(0);
    const row = (name: string) =>
      result.out.find((line) => line.startsWith(`${name} `))?.split(/\s{2,}/);
    expect(row('PORT')).toEqual(['PORT', '9000', 'process env']);
    expect(row('DATABASE_URL')?.[1]).toBe(
      'postgres://ladder:****@db.internal.example.com:5432/ladder',
    );
    expect(row('SECRET_KEY')?.[1]).toBe('****');
    expect(row('LOG_LEVEL')?.[2]).toMatch(/^file .*candidate\.env$/);
    expect(row('QUEUE_PREFIX')?.[2]).toMatch(/^file /);
    expect(row('GIT_SHA')).toEqual(['GIT_SHA', 'unknown', 'default']);
  });

  it('shows what the dev apps use when no environment is named: development, with the URLs pnpm dev recorded', () => {
    const folder = folderWith({
      '.env.development':
        'SECRET_KEY=Zk4Wq9Rt2Yp7Mn5Bv8Cx3Ls6Lk1Hg0FdSa\nDATABASE_URL=postgres://ladder:ladder@localhost:5432/ladder_dev\nREDIS_URL=redis://localhost:6379/0',
      '.env.development.local': 'DATABASE_URL=postgres://ladder:ladder@localhost:35373/ladder_dev',
    });
    const result = run(['print'], { ENV_DIR: folder });
    expect(result.code).toBe(0);
    const row = (name: string) =>
      result.out.find((line) => line.startsWith(`${name} `))?.split(/\s{2,}/);
    expect(row('APP_ENV')?.[1]).toBe('development');
    expect(row('DATABASE_URL')?.[1]).toBe('postgres://ladder:****@localhost:35373/ladder_dev');
  });

  it('asks for --env on CI, where nothing is assumed', () => {
    expect(run(['print'], { CI: 'true' }).code).toBe(2);
  });

  it('exits 1 and lists the problems when the configuration is invalid', () => {
    const result = run(['print', '--env', 'production', '--env-file', '.env.production.example']);
    expect(result.code).toBe(1);
    expect(result.error.some((line) => line.startsWith('SECRET_KEY ['))).toBe(true);
  });
});

describe('the ladder-env binary', () => {
  const bin = join(packageFolder, 'bin', 'ladder-env.js');
  // The shim runs the TypeScript source (through tsx), so the test never exercises a stale `dist`.
  const sourceFlags = ['--conditions=@repo/source', '--import', import.meta.resolve('tsx')];
  const spawn = (args: string[]) =>
    spawnSync(process.execPath, [...sourceFlags, bin, ...args], {
      cwd: repositoryRoot,
      env: childProcessEnv(),
      encoding: 'utf8',
    });

  it('exits 1 for the production example and 0 for a valid file', () => {
    const invalid = spawn([
      'check',
      '--env',
      'production',
      '--env-file',
      '.env.production.example',
    ]);
    expect(invalid.status).toBe(1);
    expect(
      invalid.stdout
        .split('\n')
        .filter(Boolean)
        .every((line) => /^[A-Z][A-Z0-9_]* \[/.test(line)),
    ).toBe(true);
    expect(
      spawn(['check', '--env', 'production', '--env-file', envFile(productionVariables())]).status,
    ).toBe(0);
    // Two Node starts that compile the source on the fly: slow on a busy machine, so a wide limit.
  }, 60_000);
});
