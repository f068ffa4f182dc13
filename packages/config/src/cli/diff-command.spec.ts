import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  folderWith,
  overlayFolder,
  productionVariables,
  stagingVariables,
  type Variables,
} from '../testing/fixtures.js';
import { runCapturing as run } from '../testing/run-cli.js';

/** A staging environment that shares nothing with productionVariables(). */
function separatedStaging(): Variables {
  return {
    ...stagingVariables(),
    SECRET_KEY: 'Hn3Jd8Qw1Zp5Lk7Tv2Xc9Bm4Rf6Gy0Us',
    DATABASE_URL: 'postgres://ladder:st-Pa55-w0rd-K1@db.staging.example.com:5432/ladder_staging',
    REDIS_URL: 'rediss://:st-Pa55-w0rd-R7@cache.staging.example.com:6379/0',
    S3_BUCKET: 'ladder-media-staging',
  };
}

function productionWithBucket(): Variables {
  return { ...productionVariables(), S3_BUCKET: 'ladder-media-production' };
}

function diff(staging: Variables, production: Variables) {
  const a = overlayFolder(staging);
  const b = overlayFolder(production);
  const result = run(['diff', a.folder, b.folder]);
  const everything = [...result.out, ...result.error].join('\n');
  const secrets = [staging, production].flatMap((variables) =>
    ['SECRET_KEY', 'pg-Pa55-w0rd-Q9', 'rd-Pa55-w0rd-Z3', 'st-Pa55-w0rd-K1', 'st-Pa55-w0rd-R7'].map(
      (name) => variables[name] ?? name,
    ),
  );
  for (const secret of secrets) expect(everything).not.toContain(secret);
  return { ...result, problems: result.out.filter((line) => /^[A-Z0-9_]+ \[shared-/.test(line)) };
}

const keys = (lines: string[]) => lines.map((line) => line.split(' ').slice(0, 2).join(' '));

describe('env:diff', () => {
  it('accepts a properly separated staging/production pair and prints a masked table', () => {
    const result = diff(separatedStaging(), productionWithBucket());
    expect(result.problems).toEqual([]);
    expect(result.code).toBe(0);
    const row = (name: string) =>
      result.out.find((line) => line.startsWith(`${name} `))?.split(/\s{2,}/);
    expect(row('VARIABLE')).toEqual(['VARIABLE', 'staging', 'production', 'STATUS']);
    expect(row('SECRET_KEY')).toEqual(['SECRET_KEY', '****', '****', 'different']);
    expect(row('DATABASE_URL')).toEqual([
      'DATABASE_URL',
      'postgres://ladder:****@db.staging.example.com:5432/ladder_staging',
      'postgres://ladder:****@db.internal.example.com:5432/ladder',
      'different',
    ]);
    expect(row('LOG_LEVEL')).toEqual(['LOG_LEVEL', 'info', 'info', 'equal']);
  });

  it('marks variables only one side sets', () => {
    const result = diff(separatedStaging(), { ...productionWithBucket(), PORT: undefined });
    expect(result.out.find((line) => line.startsWith('PORT '))).toMatch(/only in staging$/);
  });

  it('refuses the same SECRET_KEY, naming it and never its value', () => {
    const result = diff(
      { ...separatedStaging(), SECRET_KEY: productionVariables().SECRET_KEY },
      productionWithBucket(),
    );
    expect(result.code).toBe(1);
    expect(keys(result.problems)).toEqual(['SECRET_KEY [shared-secret]']);
    expect(result.problems[0]).toMatch(/Fix: give each environment its own SECRET_KEY/);
  });

  it('refuses the same database even with other credentials and the default port spelt out', () => {
    const result = diff(
      {
        ...separatedStaging(),
        DATABASE_URL: 'postgresql://other:st-Pa55-w0rd-K1@DB.internal.example.com/ladder',
      },
      productionWithBucket(),
    );
    expect(keys(result.problems)).toEqual(['DATABASE_URL [shared-database]']);
  });

  it('accepts two databases on one server', () => {
    const result = diff(
      {
        ...separatedStaging(),
        DATABASE_URL:
          'postgres://ladder:st-Pa55-w0rd-K1@db.internal.example.com:5432/ladder_staging',
      },
      productionWithBucket(),
    );
    expect(result.code).toBe(0);
  });

  it('refuses a password inside a URL that the other environment uses', () => {
    const result = diff(
      {
        ...separatedStaging(),
        DATABASE_URL:
          'postgres://ladder:pg-Pa55-w0rd-Q9@db.staging.example.com:5432/ladder_staging',
      },
      productionWithBucket(),
    );
    expect(keys(result.problems)).toEqual(['DATABASE_URL [shared-secret]']);
  });

  it('refuses a password reused across variables', () => {
    const result = diff(
      {
        ...separatedStaging(),
        REDIS_URL: 'rediss://:pg-Pa55-w0rd-Q9@cache.staging.example.com:6379/0',
      },
      productionWithBucket(),
    );
    expect(result.problems).toEqual([
      expect.stringMatching(
        /^REDIS_URL \[shared-secret\] in staging holds a secret that DATABASE_URL in production holds too/,
      ),
    ]);
  });

  it.each([
    [
      'STRIPE_SECRET_KEY',
      { STRIPE_SECRET_KEY: 'sk_test_Sh4r3d', STRIPE_WEBHOOK_SECRET: 'whsec_a1' },
      { STRIPE_SECRET_KEY: 'sk_test_Sh4r3d', STRIPE_WEBHOOK_SECRET: 'whsec_b2' },
    ],
    [
      'STRIPE_WEBHOOK_SECRET',
      { STRIPE_SECRET_KEY: 'sk_test_a1', STRIPE_WEBHOOK_SECRET: 'whsec_Sh4r3d' },
      { STRIPE_SECRET_KEY: 'sk_live_b2', STRIPE_WEBHOOK_SECRET: 'whsec_Sh4r3d' },
    ],
    [
      'SMTP_URL',
      { SMTP_URL: 'smtps://apikey:Sm7p-Sh4r3d@smtp.example.com:465' },
      { SMTP_URL: 'smtps://apikey2:Sm7p-Sh4r3d@smtp.example.com:465' },
    ],
  ])('refuses a shared %s', (name, staging, production) => {
    const result = diff(
      { ...separatedStaging(), ...staging },
      { ...productionWithBucket(), ...production },
    );
    expect(keys(result.problems)).toEqual([`${name} [shared-secret]`]);
    expect(result.out.join('\n')).not.toContain('Sh4r3d');
  });

  it('refuses the same Redis with the same queue prefix, and accepts it with another prefix', () => {
    const sharedRedis = {
      ...separatedStaging(),
      REDIS_URL: 'rediss://:st-Pa55-w0rd-R7@cache.internal.example.com:6379',
    };
    const result = diff(
      { ...sharedRedis, QUEUE_PREFIX: 'ladder' },
      { ...productionWithBucket(), QUEUE_PREFIX: 'ladder' },
    );
    expect(keys(result.problems)).toEqual(['REDIS_URL [shared-redis]']);
    expect(diff(sharedRedis, productionWithBucket()).code).toBe(0);
  });

  it('accepts one Redis server when the database numbers differ', () => {
    const staging = {
      ...separatedStaging(),
      REDIS_URL: 'rediss://:st-Pa55-w0rd-R7@cache.internal.example.com:6379/1',
      QUEUE_PREFIX: 'ladder',
    };
    expect(diff(staging, { ...productionWithBucket(), QUEUE_PREFIX: 'ladder' }).code).toBe(0);
  });

  it('refuses the same bucket on the same endpoint', () => {
    const result = diff(
      { ...separatedStaging(), S3_BUCKET: 'ladder-media' },
      { ...productionWithBucket(), S3_BUCKET: 'ladder-media' },
    );
    expect(keys(result.problems)).toEqual(['S3_BUCKET [shared-bucket]']);
    const elsewhere = diff(
      {
        ...separatedStaging(),
        S3_BUCKET: 'ladder-media',
        S3_ENDPOINT: 'https://minio.staging.example.com',
      },
      { ...productionWithBucket(), S3_BUCKET: 'ladder-media' },
    );
    expect(elsewhere.code).toBe(0);
  });

  it('follows --secrets-a/--secrets-b to the folders the deploy job wrote the secrets to', () => {
    const staging = overlayFolder(separatedStaging());
    const production = overlayFolder(productionWithBucket());
    // Both overlays name the same mount path, as the committed ones do; only the folders tell them apart.
    const mounted = '/run/secrets/ladder';
    for (const folder of [staging.folder, production.folder]) {
      writeFileSync(
        join(folder, 'config.env'),
        `APP_ENV=${folder === staging.folder ? 'staging' : 'production'}\nSECRET_KEY_FILE=${mounted}/secret_key\nDATABASE_URL_FILE=${mounted}/database_url\n`,
      );
    }
    const separated = run([
      'diff',
      '--kustomize',
      staging.folder,
      '--kustomize',
      production.folder,
      '--secrets-a',
      staging.secrets,
      '--secrets-b',
      production.secrets,
    ]);
    expect(separated.code).toBe(0);
    const shared = run([
      'diff',
      staging.folder,
      production.folder,
      '--secrets-a',
      production.secrets,
      '--secrets-b',
      production.secrets,
    ]);
    expect(keys(shared.out.filter((line) => line.includes('[shared-')))).toEqual([
      'SECRET_KEY [shared-secret]',
      'DATABASE_URL [shared-secret]',
      'DATABASE_URL [shared-database]',
    ]);
  });

  it('runs over the committed staging and production overlays with the secrets a deploy job writes', () => {
    const write = (variables: Variables) => overlayFolder(variables).secrets;
    const stagingSecrets = write(separatedStaging());
    const productionSecrets = write(productionVariables());
    const overlays = ['infra/environments/staging', 'infra/environments/production'];
    const separated = run([
      'diff',
      ...overlays,
      '--secrets-a',
      stagingSecrets,
      '--secrets-b',
      productionSecrets,
    ]);
    expect(separated.error.join('\n')).toContain(
      'share no secret, database, Redis keyspace or bucket',
    );
    expect(separated.code).toBe(0);
    const copied = run([
      'diff',
      ...overlays,
      '--secrets-a',
      productionSecrets,
      '--secrets-b',
      productionSecrets,
    ]);
    expect(copied.code).toBe(1);
    expect(keys(copied.out.filter((line) => line.includes('[shared-')))).toEqual([
      'SECRET_KEY [shared-secret]',
      'DATABASE_URL [shared-secret]',
      'REDIS_URL [shared-secret]',
      'DATABASE_URL [shared-database]',
    ]);
  });

  it('compares the committed config.env files without secrets, saying which secrets it left out', () => {
    const files = [
      'infra/environments/staging/config.env',
      'infra/environments/production/config.env',
    ];
    const result = run(['diff', ...files]);
    expect(result.code).toBe(0);
    for (const label of ['staging', 'production'])
      for (const name of ['SECRET_KEY_FILE', 'DATABASE_URL_FILE', 'REDIS_URL_FILE'])
        expect(result.error).toContainEqual(
          expect.stringMatching(
            new RegExp(`^warning: ${name} of ${label} not compared: .+Fix: pass --secrets-`),
          ),
        );
  });

  it('refuses a secret missing from the folder it was told to read', () => {
    const staging = overlayFolder(separatedStaging());
    const production = overlayFolder(productionWithBucket());
    const result = run(['diff', staging.folder, production.folder, '--secrets-a', folderWith({})]);
    expect(result.code).toBe(1);
    expect(result.out).toContainEqual(
      expect.stringMatching(/^SECRET_KEY_FILE \[secret-file\] .+\(reading staging\)/),
    );
  });

  it('compares plain env files too', () => {
    const a = folderWith({
      'a.env': 'APP_ENV=staging\nSECRET_KEY=Same-Key-0123456789abcdefghij\n',
    });
    const b = folderWith({
      'b.env': 'APP_ENV=production\nSECRET_KEY="Same-Key-0123456789abcdefghij"\n',
    });
    const result = run(['diff', join(a, 'a.env'), join(b, 'b.env')]);
    expect(result.out).toContainEqual(expect.stringMatching(/^SECRET_KEY \[shared-secret\]/));
  });

  it('exits 1 naming what it could not read, and 2 without two sides', () => {
    const a = overlayFolder(separatedStaging());
    const unreadable = run(['diff', a.folder, join(a.folder, 'missing.env')]);
    expect(unreadable.code).toBe(1);
    expect(unreadable.out).toContainEqual(
      expect.stringMatching(/^ENV_FILE \[env-file\] names .*missing\.env/),
    );
    expect(run(['diff', a.folder]).code).toBe(2);
  });
});
