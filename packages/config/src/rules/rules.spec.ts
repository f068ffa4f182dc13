import { describe, expect, it } from 'vitest';
import {
  developmentVariables,
  folderWith,
  inspect,
  problemKeys,
  productionVariables,
  stagingVariables,
  testVariables,
  type Variables,
} from '../testing/fixtures.js';
import { SAFETY_RULES } from './index.js';

const base = {
  production: productionVariables,
  staging: stagingVariables,
  development: developmentVariables,
  test: testVariables,
};

interface Case {
  environment: keyof typeof base;
  change: Variables;
  problems: string[];
}

/** One change to an otherwise valid environment, and exactly the problems it must cause. */
const failing: [string, Case][] = [
  [
    'DEBUG=true in production',
    { environment: 'production', change: { DEBUG: 'true' }, problems: ['DEBUG [debug-off]'] },
  ],
  [
    'DEBUG=1 in staging',
    { environment: 'staging', change: { DEBUG: '1' }, problems: ['DEBUG [debug-off]'] },
  ],
  [
    'a 19-character key',
    {
      environment: 'production',
      change: { SECRET_KEY: 'aB3$eF6&hJ9*kL2@nP5' },
      problems: ['SECRET_KEY [secret-key-length]'],
    },
  ],
  [
    'a key of two characters repeated',
    {
      environment: 'staging',
      change: { SECRET_KEY: 'ab'.repeat(20) },
      problems: ['SECRET_KEY [secret-key-variety]'],
    },
  ],
  [
    'a key with a placeholder word',
    {
      environment: 'production',
      change: { SECRET_KEY: 'this-is-an-INSECURE-key-0123456789abcdefgh' },
      problems: ['SECRET_KEY [secret-key-placeholder]'],
    },
  ],
  [
    'a key containing changeme',
    {
      environment: 'production',
      change: { SECRET_KEY: 'Xq7changemeZr4Lp9Wm2Ks6Dt1Fv8Hy3Nb5' },
      problems: ['SECRET_KEY [placeholder]', 'SECRET_KEY [secret-key-placeholder]'],
    },
  ],
  [
    'the development example key',
    {
      environment: 'staging',
      change: { SECRET_KEY: 'dev-only-secret-key-do-not-deploy-0123456789abcdef' },
      problems: ['SECRET_KEY [secret-key-committed]', 'SECRET_KEY [secret-key-placeholder]'],
    },
  ],
  [
    'localhost among the allowed hosts',
    {
      environment: 'production',
      change: { ALLOWED_HOSTS: 'app.example.com,localhost' },
      problems: ['ALLOWED_HOSTS [resource-environment]'],
    },
  ],
  [
    '* as allowed host',
    {
      environment: 'staging',
      change: { ALLOWED_HOSTS: '*' },
      problems: ['ALLOWED_HOSTS [allowed-hosts-public]'],
    },
  ],
  [
    '127.0.0.5 as allowed host',
    {
      environment: 'production',
      change: { ALLOWED_HOSTS: 'app.example.com,127.0.0.5' },
      problems: ['ALLOWED_HOSTS [resource-environment]'],
    },
  ],
  [
    '[::1] as allowed host',
    {
      environment: 'production',
      change: { ALLOWED_HOSTS: 'app.example.com,[::1]' },
      problems: ['ALLOWED_HOSTS [resource-environment]'],
    },
  ],
  [
    '0.0.0.0 as allowed host',
    {
      environment: 'production',
      change: { ALLOWED_HOSTS: 'app.example.com,0.0.0.0' },
      problems: ['ALLOWED_HOSTS [resource-environment]'],
    },
  ],
  [
    'an allowed-host list of only commas',
    {
      environment: 'production',
      change: { ALLOWED_HOSTS: ',' },
      problems: ['ALLOWED_HOSTS [allowed-hosts-public]', 'ALLOWED_HOSTS [public-url-allowed]'],
    },
  ],
  [
    'an http PUBLIC_URL',
    {
      environment: 'production',
      change: { PUBLIC_URL: 'http://app.example.com' },
      problems: ['PUBLIC_URL [public-url-https]'],
    },
  ],
  [
    'CORS *',
    {
      environment: 'production',
      change: { CORS_ALLOWED_ORIGINS: '*' },
      problems: ['CORS_ALLOWED_ORIGINS [cors-https]'],
    },
  ],
  [
    'an http CORS origin',
    {
      environment: 'staging',
      change: { CORS_ALLOWED_ORIGINS: 'https://a.example.com,http://b.example.com' },
      problems: ['CORS_ALLOWED_ORIGINS [cors-https]'],
    },
  ],
  [
    'insecure session cookies',
    {
      environment: 'production',
      change: { SESSION_COOKIE_SECURE: 'no' },
      problems: ['SESSION_COOKIE_SECURE [session-cookie-secure]'],
    },
  ],
  [
    'a database on localhost',
    {
      environment: 'production',
      change: { DATABASE_URL: 'postgres://u:p@localhost:5432/ladder' },
      problems: ['DATABASE_URL [resource-environment]'],
    },
  ],
  [
    'a database on a local socket',
    {
      environment: 'staging',
      change: { DATABASE_URL: 'postgresql:///ladder' },
      problems: ['DATABASE_URL [resource-environment]'],
    },
  ],
  [
    'Redis on 127.0.0.1',
    {
      environment: 'production',
      change: { REDIS_URL: 'redis://127.0.0.1:6379/0' },
      problems: ['REDIS_URL [resource-environment]'],
    },
  ],
  [
    'a database on 127.1',
    {
      environment: 'production',
      change: { DATABASE_URL: 'postgres://u:p@127.1:5432/ladder' },
      problems: ['DATABASE_URL [resource-environment]'],
    },
  ],
  [
    'Redis on 2130706433 (127.0.0.1 as a number)',
    {
      environment: 'staging',
      change: { REDIS_URL: 'redis://2130706433:6379' },
      problems: ['REDIS_URL [resource-environment]'],
    },
  ],
  [
    'Redis on an IPv4-mapped loopback',
    {
      environment: 'production',
      change: { REDIS_URL: 'redis://[::ffff:127.0.0.1]:6379' },
      problems: ['REDIS_URL [resource-environment]'],
    },
  ],
  [
    'Redis on ::1',
    {
      environment: 'staging',
      change: { REDIS_URL: 'redis://[::1]:6379' },
      problems: ['REDIS_URL [resource-environment]'],
    },
  ],
  [
    'a _dev database',
    {
      environment: 'production',
      change: { DATABASE_URL: 'postgres://u:p@db.internal:5432/ladder_dev' },
      problems: ['DATABASE_URL [resource-environment]'],
    },
  ],
  [
    'a _development database',
    {
      environment: 'staging',
      change: { DATABASE_URL: 'postgres://u:p@db.internal:5432/ladder_development' },
      problems: ['DATABASE_URL [resource-environment]'],
    },
  ],
  [
    'a _test database',
    {
      environment: 'production',
      change: { DATABASE_URL: 'postgres://u:p@db.internal:5432/ladder_test' },
      problems: ['DATABASE_URL [resource-environment]'],
    },
  ],
  [
    'SMTP without a sender',
    {
      environment: 'production',
      change: { SMTP_URL: 'smtps://user:pw@smtp.example.com:465', EMAIL_FROM: undefined },
      problems: ['EMAIL_FROM [smtp-sender]'],
    },
  ],
  [
    'SMTP in staging without a redirect or an allowlist',
    {
      environment: 'staging',
      change: { SMTP_URL: 'smtps://user:pw@smtp.example.com:465' },
      problems: ['EMAIL_REDIRECT_TO [staging-mail-guard]'],
    },
  ],
  [
    'a staging mail guard copied to production',
    {
      environment: 'production',
      change: { EMAIL_REDIRECT_TO: 'qa@example.com', EMAIL_ALLOWED_RECIPIENTS: '@example.com' },
      problems: [
        'EMAIL_REDIRECT_TO [no-mail-guard-in-production]',
        'EMAIL_ALLOWED_RECIPIENTS [no-mail-guard-in-production]',
      ],
    },
  ],
  [
    'an allowlist entry that is neither an address nor a domain',
    {
      environment: 'staging',
      change: { EMAIL_ALLOWED_RECIPIENTS: '@example.com,qa' },
      problems: ['EMAIL_ALLOWED_RECIPIENTS [recipient-list]'],
    },
  ],
  [
    'debug logs in production',
    {
      environment: 'production',
      change: { LOG_LEVEL: 'debug' },
      problems: ['LOG_LEVEL [log-level-production]'],
    },
  ],
  [
    'trace logs in production',
    {
      environment: 'production',
      change: { LOG_LEVEL: 'TRACE' },
      problems: ['LOG_LEVEL [log-level-production]'],
    },
  ],
  [
    'a staging database host in production',
    {
      environment: 'production',
      change: { DATABASE_URL: 'postgres://u:p@db.staging.internal:5432/ladder' },
      problems: ['DATABASE_URL [resource-environment]'],
    },
  ],
  [
    'a staging database name in production',
    {
      environment: 'production',
      change: { DATABASE_URL: 'postgres://u:p@db.internal:5432/ladder_staging' },
      problems: ['DATABASE_URL [resource-environment]'],
    },
  ],
  [
    'a staging Redis in production',
    {
      environment: 'production',
      change: { REDIS_URL: 'redis://stg-cache.internal:6379' },
      problems: ['REDIS_URL [resource-environment]'],
    },
  ],
  [
    'local storage in production',
    {
      environment: 'production',
      change: { STORAGE_BACKEND: 'local' },
      problems: ['STORAGE_BACKEND [persistent-storage]'],
    },
  ],
  [
    'acknowledged local storage with a relative folder',
    {
      environment: 'production',
      change: { STORAGE_BACKEND: 'local', ALLOW_LOCAL_STORAGE: 'true', MEDIA_ROOT: 'media' },
      problems: ['MEDIA_ROOT [persistent-storage]'],
    },
  ],
  [
    'a Stripe test key in production',
    {
      environment: 'production',
      change: {
        STRIPE_SECRET_KEY: 'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
        STRIPE_WEBHOOK_SECRET: 'whsec_abc123',
      },
      problems: ['STRIPE_SECRET_KEY [stripe-live-keys]'],
    },
  ],
  [
    'a production database host in staging',
    {
      environment: 'staging',
      change: { DATABASE_URL: 'postgres://u:p@prod-db.internal:5432/ladder' },
      problems: ['DATABASE_URL [resource-environment]'],
    },
  ],
  [
    'a production database name in staging',
    {
      environment: 'staging',
      change: { DATABASE_URL: 'postgres://u:p@db.internal:5432/ladder_production' },
      problems: ['DATABASE_URL [resource-environment]'],
    },
  ],
  [
    'a production Redis in staging',
    {
      environment: 'staging',
      change: { REDIS_URL: 'rediss://cache.prod.internal:6379' },
      problems: ['REDIS_URL [resource-environment]'],
    },
  ],
  [
    'a live Stripe key in staging',
    {
      environment: 'staging',
      change: {
        STRIPE_SECRET_KEY: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
        STRIPE_WEBHOOK_SECRET: 'whsec_abc123',
      },
      problems: ['STRIPE_SECRET_KEY [no-live-stripe-keys]'],
    },
  ],
  [
    'a live restricted key in development',
    {
      environment: 'development',
      change: {
        STRIPE_SECRET_KEY: 'rk_live_4eC39HqLyjWDarjtT1zdp7dc',
        STRIPE_WEBHOOK_SECRET: 'whsec_abc123',
      },
      problems: ['STRIPE_SECRET_KEY [no-live-stripe-keys]'],
    },
  ],
  [
    'a live Stripe key in test',
    {
      environment: 'test',
      change: {
        STRIPE_SECRET_KEY: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
        STRIPE_WEBHOOK_SECRET: 'whsec_abc123',
      },
      problems: ['STRIPE_SECRET_KEY [no-live-stripe-keys]'],
    },
  ],
  [
    'a production database in development',
    {
      environment: 'development',
      change: { DATABASE_URL: 'postgres://u:p@localhost:5432/ladder_prod' },
      problems: ['DATABASE_URL [resource-environment]'],
    },
  ],
  [
    'a production Redis in test',
    {
      environment: 'test',
      change: { REDIS_URL: 'redis://prod-cache.internal:6379' },
      problems: ['REDIS_URL [resource-environment]'],
    },
  ],
  [
    'a staging queue prefix in production',
    {
      environment: 'production',
      change: { QUEUE_PREFIX: 'ladder-staging' },
      problems: ['QUEUE_PREFIX [resource-environment]'],
    },
  ],
  [
    'a production queue prefix in development',
    {
      environment: 'development',
      change: { QUEUE_PREFIX: 'ladder:prod' },
      problems: ['QUEUE_PREFIX [resource-environment]'],
    },
  ],
  [
    'a test queue prefix in staging',
    {
      environment: 'staging',
      change: { QUEUE_PREFIX: 'ladder-test' },
      problems: ['QUEUE_PREFIX [resource-environment]'],
    },
  ],
  [
    'NODE_ENV=development in staging',
    {
      environment: 'staging',
      change: { NODE_ENV: 'development' },
      problems: ['NODE_ENV [node-env-matches]'],
    },
  ],
  [
    'the management port on the public port in production',
    {
      environment: 'production',
      change: { MANAGEMENT_PORT: '8080' },
      problems: ['MANAGEMENT_PORT [management-port-private]'],
    },
  ],
  [
    "the worker's management port on the web port in staging",
    {
      environment: 'staging',
      change: { PORT: '8080', WORKER_MANAGEMENT_PORT: '8080' },
      problems: ['WORKER_MANAGEMENT_PORT [management-port-private]'],
    },
  ],
  [
    'a leftover placeholder',
    {
      environment: 'production',
      change: { MEDIA_ROOT: '/var/lib/CHANGE_ME' },
      problems: ['MEDIA_ROOT [placeholder]'],
    },
  ],
  [
    's3 without a bucket',
    {
      environment: 'production',
      change: { S3_BUCKET: undefined },
      problems: ['S3_BUCKET [s3-settings]'],
    },
  ],
  [
    's3 without a region in development',
    {
      environment: 'development',
      change: { STORAGE_BACKEND: 's3', S3_BUCKET: 'media' },
      problems: ['S3_REGION [s3-settings]'],
    },
  ],
  [
    'a mysql:// DATABASE_URL',
    {
      environment: 'development',
      change: { DATABASE_URL: 'mysql://u:p@localhost/app' },
      problems: ['DATABASE_URL [url-scheme]'],
    },
  ],
  [
    'an http:// REDIS_URL',
    {
      environment: 'production',
      change: { REDIS_URL: 'http://cache.internal:6379' },
      problems: ['REDIS_URL [url-scheme]'],
    },
  ],
  [
    'a PUBLIC_URL whose host ALLOWED_HOSTS does not allow',
    {
      environment: 'production',
      change: { PUBLIC_URL: 'https://www.example.com' },
      problems: ['ALLOWED_HOSTS [public-url-allowed]'],
    },
  ],
  [
    'a PUBLIC_URL on the bare domain when only a subdomain is allowed',
    {
      environment: 'staging',
      change: { PUBLIC_URL: 'https://example.com', ALLOWED_HOSTS: 'staging.example.com' },
      problems: ['ALLOWED_HOSTS [public-url-allowed]'],
    },
  ],
  [
    'a development PUBLIC_URL outside the default hosts',
    {
      environment: 'development',
      change: { PUBLIC_URL: 'http://ladder.test:3000' },
      problems: ['ALLOWED_HOSTS [public-url-allowed]'],
    },
  ],
  [
    'a Stripe key without its webhook secret',
    {
      environment: 'production',
      change: { STRIPE_SECRET_KEY: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc' },
      problems: ['STRIPE_WEBHOOK_SECRET [stripe-pair]'],
    },
  ],
  [
    'a Stripe webhook secret without a key',
    {
      environment: 'development',
      change: { STRIPE_WEBHOOK_SECRET: 'whsec_abc123' },
      problems: ['STRIPE_SECRET_KEY [stripe-pair]'],
    },
  ],
  [
    'a restricted test key in production',
    {
      environment: 'production',
      change: {
        STRIPE_SECRET_KEY: 'rk_test_4eC39HqLyjWDarjtT1zdp7dc',
        STRIPE_WEBHOOK_SECRET: 'whsec_abc123',
      },
      problems: ['STRIPE_SECRET_KEY [stripe-live-keys]'],
    },
  ],
  [
    'a restricted live key in staging',
    {
      environment: 'staging',
      change: {
        STRIPE_SECRET_KEY: 'rk_live_4eC39HqLyjWDarjtT1zdp7dc',
        STRIPE_WEBHOOK_SECRET: 'whsec_abc123',
      },
      problems: ['STRIPE_SECRET_KEY [no-live-stripe-keys]'],
    },
  ],
  [
    'a publishable key as the secret key',
    {
      environment: 'production',
      change: {
        STRIPE_SECRET_KEY: 'pk_live_4eC39HqLyjWDarjtT1zdp7dc',
        STRIPE_WEBHOOK_SECRET: 'whsec_abc123',
      },
      problems: ['STRIPE_SECRET_KEY [stripe-secret]'],
    },
  ],
  [
    'a publishable key as the webhook secret',
    {
      environment: 'development',
      change: {
        STRIPE_SECRET_KEY: 'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
        STRIPE_WEBHOOK_SECRET: 'pk_test_abc123',
      },
      problems: ['STRIPE_WEBHOOK_SECRET [stripe-secret]'],
    },
  ],
  [
    'TRUST_PROXY=true in production',
    {
      environment: 'production',
      change: { TRUST_PROXY: 'true' },
      problems: ['TRUST_PROXY [trust-proxy-bounded]'],
    },
  ],
  [
    'TRUST_PROXY=TRUE in staging',
    {
      environment: 'staging',
      change: { TRUST_PROXY: 'TRUE' },
      problems: ['TRUST_PROXY [trust-proxy-bounded]'],
    },
  ],
  [
    'TRACES_EXPORTER=otlp without an endpoint',
    {
      environment: 'staging',
      change: { TRACES_EXPORTER: 'otlp' },
      problems: ['TRACES_OTLP_ENDPOINT [otlp-endpoint-required]'],
    },
  ],
  [
    "production's trace collector in staging",
    {
      environment: 'staging',
      change: {
        TRACES_EXPORTER: 'otlp',
        TRACES_OTLP_ENDPOINT: 'http://otel-collector.prod.internal:4318',
      },
      problems: ['TRACES_OTLP_ENDPOINT [resource-environment]'],
    },
  ],
  [
    'console traces in production',
    {
      environment: 'production',
      change: { TRACES_EXPORTER: 'console' },
      problems: ['TRACES_EXPORTER [traces-console-local]'],
    },
  ],
];

/** Changes close to the failing ones that every rule must let through. */
const passing: [string, Case][] = [
  [
    'DEBUG=false in production',
    { environment: 'production', change: { DEBUG: 'FALSE' }, problems: [] },
  ],
  [
    'a 32-character varied key',
    {
      environment: 'production',
      change: { SECRET_KEY: 'Zk4#Wq9!Rt2$Yp7&Mn5*Bv8^Cx3@Ls6L' },
      problems: [],
    },
  ],
  [
    'a named subdomain wildcard',
    {
      environment: 'production',
      change: { ALLOWED_HOSTS: '.example.com,app.example.org' },
      problems: [],
    },
  ],
  [
    'no CORS origins at all',
    { environment: 'production', change: { CORS_ALLOWED_ORIGINS: undefined }, problems: [] },
  ],
  [
    'a database whose name only contains dev',
    {
      environment: 'production',
      change: { DATABASE_URL: 'postgres://u:p@db.internal:5432/devices' },
      problems: [],
    },
  ],
  [
    'a products database in staging',
    {
      environment: 'staging',
      change: { DATABASE_URL: 'postgres://u:p@products.internal:5432/ladder' },
      problems: [],
    },
  ],
  [
    'warn logs in production',
    { environment: 'production', change: { LOG_LEVEL: 'warn' }, problems: [] },
  ],
  [
    'acknowledged local storage on an absolute path',
    {
      environment: 'production',
      change: { STORAGE_BACKEND: 'local', ALLOW_LOCAL_STORAGE: 'true', MEDIA_ROOT: '/mnt/media' },
      problems: [],
    },
  ],
  [
    'live Stripe keys and SMTP in production',
    {
      environment: 'production',
      change: {
        STRIPE_SECRET_KEY: 'rk_live_4eC39HqLyjWDarjtT1zdp7dc',
        STRIPE_WEBHOOK_SECRET: 'whsec_abc123',
        SMTP_URL: 'smtps://apikey:pw@smtp.example.com:465',
      },
      problems: [],
    },
  ],
  [
    'SMTP in staging with a redirect address',
    {
      environment: 'staging',
      change: {
        SMTP_URL: 'smtps://user:pw@smtp.example.com:465',
        EMAIL_REDIRECT_TO: 'qa@example.com',
      },
      problems: [],
    },
  ],
  [
    'SMTP in staging with only an allowlist',
    {
      environment: 'staging',
      change: {
        SMTP_URL: 'smtps://user:pw@smtp.example.com:465',
        EMAIL_ALLOWED_RECIPIENTS: '@example.com, qa@example.org',
      },
      problems: [],
    },
  ],
  [
    'test Stripe keys in staging',
    {
      environment: 'staging',
      change: {
        STRIPE_SECRET_KEY: 'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
        STRIPE_WEBHOOK_SECRET: 'whsec_abc123',
      },
      problems: [],
    },
  ],
  [
    'a short key, localhost and debug in development',
    {
      environment: 'development',
      change: {
        SECRET_KEY: 'x',
        ALLOWED_HOSTS: '*',
        CORS_ALLOWED_ORIGINS: '*',
        DEBUG: 'yes',
        LOG_LEVEL: 'trace',
      },
      problems: [],
    },
  ],
  [
    'local storage on a relative path in development',
    { environment: 'development', change: { MEDIA_ROOT: 'media' }, problems: [] },
  ],
  [
    'a neutral queue prefix',
    { environment: 'staging', change: { QUEUE_PREFIX: 'acme' }, problems: [] },
  ],
  [
    'a postgresql:// DATABASE_URL and rediss:// REDIS_URL',
    {
      environment: 'production',
      change: {
        DATABASE_URL: 'postgresql://u:p@db.internal/ladder',
        REDIS_URL: 'rediss://cache.internal:6380',
      },
      problems: [],
    },
  ],
  [
    'a PUBLIC_URL allowed by a subdomain entry',
    {
      environment: 'production',
      change: { PUBLIC_URL: 'https://www.example.com', ALLOWED_HOSTS: '.example.com' },
      problems: [],
    },
  ],
  [
    'a PUBLIC_URL host in another case than ALLOWED_HOSTS',
    {
      environment: 'production',
      change: { PUBLIC_URL: 'https://APP.example.com:8443' },
      problems: [],
    },
  ],
  [
    'Stripe test keys with a webhook secret in development',
    {
      environment: 'development',
      change: {
        STRIPE_SECRET_KEY: 'rk_test_4eC39HqLyjWDarjtT1zdp7dc',
        STRIPE_WEBHOOK_SECRET: 'whsec_abc123',
      },
      problems: [],
    },
  ],
  [
    'OTLP traces to the collector in production',
    {
      environment: 'production',
      change: {
        TRACES_EXPORTER: 'otlp',
        TRACES_OTLP_ENDPOINT: 'http://otel-collector.monitoring.svc:4318',
      },
      problems: [],
    },
  ],
  ['a hop count of two', { environment: 'production', change: { TRUST_PROXY: '2' }, problems: [] }],
  [
    'TRUST_PROXY as an address list',
    { environment: 'staging', change: { TRUST_PROXY: 'loopback, 10.0.0.0/8' }, problems: [] },
  ],
  [
    'TRUST_PROXY=true in development',
    { environment: 'development', change: { TRUST_PROXY: 'true' }, problems: [] },
  ],
  [
    'console traces in development',
    { environment: 'development', change: { TRACES_EXPORTER: 'console' }, problems: [] },
  ],
];

describe('safety rules', () => {
  it.each(failing)(
    'refuses %s, with a message and a fix',
    (_name, { environment, change, problems }) => {
      const inspection = inspect({ ...base[environment](), ...change });
      expect(problemKeys(inspection)).toEqual(problems);
      for (const problem of inspection.problems) {
        expect(problem.message).toMatch(/\w{3}/);
        expect(problem.fix).toMatch(/\w{3}/);
      }
    },
  );

  it.each(passing)('accepts %s', (_name, { environment, change }) => {
    expect(problemKeys(inspect({ ...base[environment](), ...change }))).toEqual([]);
  });

  it('has a failing case for every rule', () => {
    const covered = new Set(
      failing.flatMap(([, { problems }]) =>
        problems.map((problem) => /\[(.+)\]/.exec(problem)?.[1]),
      ),
    );
    expect(SAFETY_RULES.map((rule) => rule.name).filter((name) => !covered.has(name))).toEqual([]);
  });

  it('refuses a key found in any committed example file', () => {
    const folder = folderWith({
      '.env.preview.example': 'SECRET_KEY=Wq9Rt2Yp7Mn5Bv8Cx3Ls6Lk4Zj1Hg0Fd\n',
    });
    const inspection = inspect(
      { ...productionVariables(), SECRET_KEY: 'Wq9Rt2Yp7Mn5Bv8Cx3Ls6Lk4Zj1Hg0Fd' },
      { envDir: folder },
    );
    expect(problemKeys(inspection)).toEqual(['SECRET_KEY [secret-key-committed]']);
  });

  it('names the variable, the rule and a fix in every message', () => {
    const inspection = inspect({
      ...productionVariables(),
      DEBUG: 'true',
      ALLOWED_HOSTS: 'localhost',
      LOG_LEVEL: 'debug',
    });
    // Pins the problems first, so the loop below cannot pass by having nothing to check.
    expect(problemKeys(inspection)).toEqual([
      'DEBUG [debug-off]',
      'LOG_LEVEL [log-level-production]',
      'ALLOWED_HOSTS [resource-environment]',
      'ALLOWED_HOSTS [public-url-allowed]',
    ]);
    for (const problem of inspection.problems) {
      expect(problem.variable).toMatch(/^[A-Z_]+$/);
      expect(problem.rule).toMatch(/^[a-z-]+$/);
      expect(problem.message.length).toBeGreaterThan(5);
      expect(problem.fix.length).toBeGreaterThan(5);
    }
  });
});

describe('the deploy contract', () => {
  it('accepts a production environment that sets exactly the listed variables with safe values', () => {
    expect(inspect(productionVariables()).problems).toEqual([]);
  });

  it('accepts the staging equivalent', () => {
    expect(inspect(stagingVariables()).problems).toEqual([]);
  });

  it('accepts a minimal production environment that leaves every optional variable unset', () => {
    const minimal = productionVariables();
    for (const optional of [
      'DEBUG',
      'LOG_LEVEL',
      'PORT',
      'CORS_ALLOWED_ORIGINS',
      'SESSION_COOKIE_SECURE',
      'TRUST_PROXY',
      'MEDIA_ROOT',
      'QUEUE_PREFIX',
      'WORKER_CONCURRENCY',
      'EMAIL_FROM',
      'FEATURE_NEW_CHECKOUT',
    ]) {
      minimal[optional] = undefined;
    }
    expect(inspect(minimal).problems).toEqual([]);
  });
});
