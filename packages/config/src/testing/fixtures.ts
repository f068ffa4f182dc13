import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { inspectConfig, type ConfigInspection, type LoadOptions } from '../load-config.js';

export type Variables = Record<string, string | undefined>;

/** A strong key made for these tests only; no committed file contains it. */
export const STRONG_SECRET_KEY = 'q7VhX2m9LpR4tW8zKc1NbF6yGd3SjA5eHu0oIi';

/**
 * Exactly the variables the foundation issue lists, with safe production values (Stripe and SMTP left out, as
 * optional integrations may be). The contract: this must load without a single problem.
 */
export function productionVariables(): Variables {
  return {
    APP_ENV: 'production',
    DEBUG: 'false',
    LOG_LEVEL: 'info',
    PORT: '8080',
    PUBLIC_URL: 'https://app.example.com',
    DATABASE_URL: 'postgres://ladder:pg-Pa55-w0rd-Q9@db.internal.example.com:5432/ladder',
    REDIS_URL: 'rediss://:rd-Pa55-w0rd-Z3@cache.internal.example.com:6379/0',
    SECRET_KEY: STRONG_SECRET_KEY,
    ALLOWED_HOSTS: 'app.example.com',
    CORS_ALLOWED_ORIGINS: 'https://app.example.com',
    SESSION_COOKIE_SECURE: 'true',
    TRUST_PROXY: '1',
    STORAGE_BACKEND: 's3',
    MEDIA_ROOT: '/var/lib/ladder/media',
    S3_BUCKET: 'ladder-media',
    S3_REGION: 'eu-west-1',
    QUEUE_PREFIX: 'ladder-production',
    WORKER_CONCURRENCY: '10',
    EMAIL_FROM: 'Ladder <noreply@example.com>',
    FEATURE_NEW_CHECKOUT: 'false',
  };
}

export function stagingVariables(): Variables {
  return {
    ...productionVariables(),
    APP_ENV: 'staging',
    PUBLIC_URL: 'https://staging.example.com',
    ALLOWED_HOSTS: 'staging.example.com',
    CORS_ALLOWED_ORIGINS: 'https://staging.example.com',
    DATABASE_URL: 'postgres://ladder:pg-Pa55-w0rd-Q9@db.staging.example.com:5432/ladder_staging',
    REDIS_URL: 'rediss://:rd-Pa55-w0rd-Z3@cache.staging.example.com:6379/0',
    QUEUE_PREFIX: 'ladder-staging',
    FEATURE_NEW_CHECKOUT: 'true',
  };
}

export function developmentVariables(): Variables {
  return {
    APP_ENV: 'development',
    DATABASE_URL: 'postgres://ladder:ladder@localhost:5432/ladder_dev',
    REDIS_URL: 'redis://localhost:6379/0',
    SECRET_KEY: 'dev-only-secret',
  };
}

export function testVariables(): Variables {
  return {
    APP_ENV: 'test',
    DATABASE_URL: 'postgres://ladder:ladder@localhost:5432/ladder_test',
    REDIS_URL: 'redis://localhost:6379/1',
    SECRET_KEY: 'test-only-secret',
  };
}

const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** An empty temporary folder, removed after the test. */
export function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'ladder-config-'));
  folders.push(folder);
  return folder;
}

/** A temporary folder holding the given files (name → content). */
export function folderWith(files: Record<string, string>): string {
  const folder = temporaryFolder();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return folder;
}

/** Inspects `variables` as the process environment, with files only from `envDir` (an empty folder by default). */
export function inspect(
  variables: Variables,
  options: Omit<LoadOptions, 'env'> = {},
): ConfigInspection {
  const folder = options.envDir ?? temporaryFolder();
  return inspectConfig({ cwd: folder, ...options, envDir: folder, env: variables });
}

/** The `variable [rule]` pairs of an inspection, for compact assertions. */
export function problemKeys(inspection: ConfigInspection): string[] {
  return inspection.problems.map((problem) => `${problem.variable} [${problem.rule}]`);
}

/** The variables the deploy workflows write as secret files rather than into config.env. */
const SECRET_NAMES = new Set([
  'SECRET_KEY',
  'DATABASE_URL',
  'REDIS_URL',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'SMTP_URL',
]);

/**
 * A kustomize overlay as the deploy workflows leave it: config.env (lines written as given, `eol` between them)
 * holding the plain settings and a NAME_FILE for every secret, and the secrets written to `secrets/<name>`.
 */
export function overlayFolder(
  variables: Variables,
  options: { eol?: string; quote?: boolean } = {},
): { folder: string; secrets: string } {
  const folder = folderWith({
    'kustomization.yaml':
      'configMapGenerator:\n  - name: ladder-config\n    envs:\n      - config.env\n',
  });
  const secrets = join(folder, 'secrets');
  mkdirSync(secrets);
  const lines = ['# written by a test'];
  for (const [name, value] of Object.entries(variables)) {
    if (value === undefined) continue;
    if (SECRET_NAMES.has(name)) {
      const path = join(secrets, name.toLowerCase());
      writeFileSync(path, value);
      lines.push(`${name}_FILE=${path}`);
    } else {
      lines.push(`${name}=${options.quote === true ? `"${value}"` : value}`);
    }
  }
  writeFileSync(
    join(folder, 'config.env'),
    lines.join(options.eol ?? '\n') + (options.eol ?? '\n'),
  );
  return { folder, secrets };
}
