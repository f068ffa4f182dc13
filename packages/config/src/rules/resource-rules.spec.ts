import { describe, expect, it } from 'vitest';
import {
  developmentVariables,
  inspect,
  problemKeys,
  productionVariables,
  stagingVariables,
  testVariables,
  type Variables,
} from '../testing/fixtures.js';

const base = {
  production: productionVariables,
  staging: stagingVariables,
  development: developmentVariables,
  test: testVariables,
};

/** The `variable [rule]` keys of the problems, each checked to carry a message and a fix. */
function keys(environment: keyof typeof base, change: Variables): string[] {
  const inspection = inspect({ ...base[environment](), ...change });
  for (const problem of inspection.problems) {
    expect(problem.message).toMatch(/\w{3}/);
    expect(problem.fix).toMatch(/\w{3}/);
  }
  return problemKeys(inspection);
}

describe('resource-environment: loopback and unspecified hosts in staging and production', () => {
  it.each([
    'localhost',
    'localhost.',
    'LOCALHOST',
    'api.localhost',
    'api.localhost.',
    'localhost.localdomain',
    'ip6-localhost',
    'ip6-loopback',
    '127.0.0.1',
    '127.1',
    '127.255.255.254',
    '2130706433',
    '0x7f.1',
    '0177.0.0.1',
    '0.0.0.0',
    '0',
    '[::1]',
    '[::]',
    '[0:0:0:0:0:0:0:1]',
    '[0:0:0:0:0:0:0:0]',
    '[::ffff:127.0.0.1]',
    '[::ffff:7f00:1]',
    '[::ffff:0.0.0.0]',
  ])('refuses Redis on %s in production', (host) => {
    expect(keys('production', { REDIS_URL: `rediss://${host}:6379/0` })).toEqual([
      'REDIS_URL [resource-environment]',
    ]);
  });

  it.each([
    '128.0.0.1',
    '10.0.0.1',
    '1.0.0.127',
    'localhost.example.com',
    'mylocalhost',
    '[::2]',
    '[::ffff:10.0.0.1]',
  ])('accepts Redis on %s in production', (host) => {
    expect(keys('production', { REDIS_URL: `rediss://${host}:6379/0` })).toEqual([]);
  });

  it('refuses a database on a local socket in staging, saying so', () => {
    const inspection = inspect({ ...stagingVariables(), DATABASE_URL: 'postgresql:///ladder' });
    expect(problemKeys(inspection)).toEqual(['DATABASE_URL [resource-environment]']);
    expect(inspection.problems[0]?.message).toContain('local socket');
  });

  it.each<[string, Variables, string[]]>([
    [
      'PUBLIC_URL and ALLOWED_HOSTS on localhost',
      { PUBLIC_URL: 'https://localhost', ALLOWED_HOSTS: 'localhost' },
      ['PUBLIC_URL [resource-environment]', 'ALLOWED_HOSTS [resource-environment]'],
    ],
    [
      'a subdomain entry of localhost in ALLOWED_HOSTS',
      { ALLOWED_HOSTS: 'app.example.com,.localhost' },
      ['ALLOWED_HOSTS [resource-environment]'],
    ],
    [
      'a CORS origin on localhost with a port',
      { CORS_ALLOWED_ORIGINS: 'https://app.example.com,https://localhost:3000' },
      ['CORS_ALLOWED_ORIGINS [resource-environment]'],
    ],
    [
      'a CORS origin on [::1]',
      { CORS_ALLOWED_ORIGINS: 'https://[::1]:8443' },
      ['CORS_ALLOWED_ORIGINS [resource-environment]'],
    ],
    [
      'SMTP through localhost:1025',
      { SMTP_URL: 'smtp://user:pw@localhost:1025' },
      ['SMTP_URL [resource-environment]'],
    ],
    [
      'SMTP through 127.0.0.1',
      { SMTP_URL: 'smtp://127.0.0.1:25' },
      ['SMTP_URL [resource-environment]'],
    ],
    [
      'a sender at localhost',
      { EMAIL_FROM: 'Ladder <noreply@localhost>' },
      ['EMAIL_FROM [resource-environment]'],
    ],
    [
      'a staging redirect to an address at localhost',
      { EMAIL_REDIRECT_TO: 'qa@localhost' },
      [
        'EMAIL_REDIRECT_TO [resource-environment]',
        'EMAIL_REDIRECT_TO [no-mail-guard-in-production]',
      ],
    ],
    [
      'an S3 endpoint on 127.0.0.1',
      { S3_ENDPOINT: 'http://127.0.0.1:9000' },
      ['S3_ENDPOINT [resource-environment]'],
    ],
  ])('refuses %s in production', (_name, change, expected) => {
    expect(keys('production', change)).toEqual(expected);
  });

  it('allows loopback hosts in development and test', () => {
    expect(keys('development', { SMTP_URL: 'smtp://localhost.:1025' })).toEqual([]);
    expect(keys('test', { REDIS_URL: 'redis://[::]:6379' })).toEqual([]);
  });
});

describe('resource-environment: names of other environments, by whole word', () => {
  const staging = ['staging', 'stage', 'stg', 'staging2'];
  const production = ['prod', 'production', 'prd', 'live', 'prod3'];
  const development = ['dev', 'development', 'develop'];
  const test = ['test', 'testing'];

  it.each([...staging, ...development, ...test])(
    'refuses a bucket named acme-%s in production',
    (word) => {
      expect(keys('production', { S3_BUCKET: `acme-${word}-uploads` })).toEqual([
        'S3_BUCKET [resource-environment]',
      ]);
    },
  );

  it.each(production)('refuses a staging mail allowlist entry at a %s domain', (word) => {
    expect(
      keys('staging', { EMAIL_ALLOWED_RECIPIENTS: `@example.com, ann@${word}.example.com` }),
    ).toEqual(['EMAIL_ALLOWED_RECIPIENTS [resource-environment]']);
  });

  it.each([...production, ...development, ...test])(
    'refuses a bucket named acme-%s in staging',
    (word) => {
      expect(keys('staging', { S3_BUCKET: `acme-uploads-${word}` })).toEqual([
        'S3_BUCKET [resource-environment]',
      ]);
    },
  );

  it.each([...staging, ...production])(
    'refuses a database host named %s in development',
    (word) => {
      expect(
        keys('development', { DATABASE_URL: `postgres://u:p@db.${word}.example.com/ladder` }),
      ).toEqual(['DATABASE_URL [resource-environment]']);
    },
  );

  it.each(test)('lets development use a %s database', (word) => {
    expect(
      keys('development', { DATABASE_URL: `postgres://u:p@localhost/ladder_${word}` }),
    ).toEqual([]);
  });

  it.each([
    'products',
    'devices',
    'stagecoach',
    'testimonials',
    'liveness',
    'prodigy',
    'latest',
    'production',
  ])('accepts a bucket named acme-%s in production', (word) => {
    expect(keys('production', { S3_BUCKET: `acme-${word}` })).toEqual([]);
  });

  it.each<[string, keyof typeof base, Variables, string[]]>([
    [
      'a staging PUBLIC_URL and host',
      'production',
      { PUBLIC_URL: 'https://staging.example.com', ALLOWED_HOSTS: 'staging.example.com' },
      ['PUBLIC_URL [resource-environment]', 'ALLOWED_HOSTS [resource-environment]'],
    ],
    [
      'a staging host among the allowed hosts',
      'production',
      { ALLOWED_HOSTS: 'app.example.com,.stg.example.com' },
      ['ALLOWED_HOSTS [resource-environment]'],
    ],
    [
      'a staging CORS origin',
      'production',
      { CORS_ALLOWED_ORIGINS: 'https://app.example.com,https://admin-staging.example.com' },
      ['CORS_ALLOWED_ORIGINS [resource-environment]'],
    ],
    [
      'a sender on a staging domain',
      'production',
      { EMAIL_FROM: 'Ladder <noreply@staging.example.com>' },
      ['EMAIL_FROM [resource-environment]'],
    ],
    [
      'a bare sender address on a staging domain',
      'production',
      { EMAIL_FROM: 'noreply@mail.stage.example.com' },
      ['EMAIL_FROM [resource-environment]'],
    ],
    [
      'a production SMTP host',
      'staging',
      // With a redirect address: staging-mail-guard would otherwise ask for one.
      { SMTP_URL: 'smtps://u:p@smtp-prod.example.com:465', EMAIL_REDIRECT_TO: 'qa@example.com' },
      ['SMTP_URL [resource-environment]'],
    ],
    [
      'a production path on the S3 endpoint',
      'staging',
      { S3_ENDPOINT: 'https://minio.example.com/production' },
      ['S3_ENDPOINT [resource-environment]'],
    ],
    [
      'a staging media folder',
      'production',
      { MEDIA_ROOT: '/mnt/staging/media' },
      ['MEDIA_ROOT [resource-environment]'],
    ],
    [
      'a development queue prefix',
      'production',
      { QUEUE_PREFIX: 'ladder-dev' },
      ['QUEUE_PREFIX [resource-environment]'],
    ],
    [
      'a staging database name in development',
      'development',
      { DATABASE_URL: 'postgres://u:p@localhost:5432/ladder_staging' },
      ['DATABASE_URL [resource-environment]'],
    ],
  ])('refuses %s in %s', (_name, environment, change, expected) => {
    expect(keys(environment, change)).toEqual(expected);
  });

  it('names the part, the environment and the fix, and never the password', () => {
    const inspection = inspect({
      ...productionVariables(),
      DATABASE_URL: 'postgres://ladder:hunter2-secret@db.staging.internal:5432/ladder',
    });
    expect(inspection.problems).toEqual([
      {
        variable: 'DATABASE_URL',
        rule: 'resource-environment',
        message: expect.stringContaining('host ("db.staging.internal") that names staging'),
        fix: 'give DATABASE_URL production’s own host',
      },
    ]);
    expect(JSON.stringify(inspection.problems)).not.toContain('hunter2');
  });

  it.each<[string, keyof typeof base, Variables]>([
    [
      'a bucket named …-production in production',
      'production',
      { S3_BUCKET: 'acme-uploads-production' },
    ],
    ['a bucket named …-staging in staging', 'staging', { S3_BUCKET: 'acme-uploads-staging' }],
    [
      'a host like products-db',
      'production',
      { DATABASE_URL: 'postgres://u:p@products-db:5432/ladder' },
    ],
    [
      'a rediss:// URL with a database number',
      'production',
      { REDIS_URL: 'rediss://:pw@cache.example.com:6380/2' },
    ],
    ['a production sender in production', 'production', { EMAIL_FROM: 'noreply@prod.example.com' }],
  ])('accepts %s', (_name, environment, change) => {
    expect(keys(environment, change)).toEqual([]);
  });
});
