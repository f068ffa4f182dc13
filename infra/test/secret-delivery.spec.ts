import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS_FOLDER, render } from './support/kustomize.js';
import {
  optionalSecretFiles,
  referencedSecretKeys,
  runSecretFiles,
  SECRET_NAME,
  secretMounts,
} from './support/secret-delivery.js';
import { action } from './support/workflows.js';

/**
 * The release jobs write the environment's secrets as files (.github/actions/secret-files) and the roll-out action
 * turns that folder into the ladder-secrets Secret. Whatever the rendered manifests read from that Secret must be
 * one of those files, or the reader fails only in the cluster: KEDA's scaler could not authenticate, an app could
 * not start. These tests run the action's own script.
 */

const ENVIRONMENTS = ['staging', 'production'] as const;

/** Stand-in values, one per secret the action's step receives; none is real. */
const REQUIRED = {
  SECRET_KEY: 'secret-key-stand-in-secret-key-stand-in-secret-key',
  DATABASE_URL: 'postgres://app:database-password@db.internal.example:5432/app',
  REDIS_URL: 'rediss://:redis%2Fpassword@redis.internal.example:6380/0',
};
const OPTIONAL = {
  STRIPE_SECRET_KEY: 'sk_test_stand-in',
  STRIPE_WEBHOOK_SECRET: 'whsec_stand-in',
  SMTP_URL: 'smtps://mailer:mail-password@smtp.internal.example:465',
};
const UNSET_OPTIONAL = { STRIPE_SECRET_KEY: '', STRIPE_WEBHOOK_SECRET: '', SMTP_URL: '' };

const everySecret = runSecretFiles({ ...REQUIRED, ...OPTIONAL });
const requiredOnly = runSecretFiles({ ...REQUIRED, ...UNSET_OPTIONAL });

describe('the secret-files action', () => {
  it('receives every secret its step writes, through the step environment', () => {
    const stepEnvironment = Object.keys(action('secret-files').content.runs.steps[0]?.env ?? {});
    expect(stepEnvironment.sort()).toEqual(
      ['MANIFESTS', ...Object.keys(REQUIRED), ...Object.keys(OPTIONAL)].sort(),
    );
  });

  it('writes each secret under its name in lower case, readable by the runner alone, and links the mount path to them', () => {
    expect(everySecret.status, everySecret.output).toBe(0);
    for (const [name, value] of Object.entries({ ...REQUIRED, ...OPTIONAL }))
      expect(everySecret.files.get(name.toLowerCase())?.content, name).toBe(value);
    for (const [name, file] of everySecret.files) expect(file.mode, name).toBe(0o600);
    expect(everySecret.sudo).toEqual([
      'mkdir -p /run/secrets',
      'ln -sfn <workspace>/infra/environments/staging/secrets /run/secrets/ladder',
    ]);
  });

  it('skips the optional secrets an environment does not set', () => {
    expect(requiredOnly.status, requiredOnly.output).toBe(0);
    for (const name of Object.keys(OPTIONAL))
      expect(requiredOnly.files.has(name.toLowerCase()), name).toBe(false);
  });

  it.each([
    {
      url: 'rediss://:redis%2Fpassword@redis.internal.example:6380/0',
      parts: {
        redis_address: 'redis.internal.example:6380',
        redis_username: '',
        redis_password: 'redis/password',
        redis_tls: 'enable',
      },
    },
    {
      url: 'redis://worker:p%40ss@10.1.2.3',
      parts: {
        redis_address: '10.1.2.3:6379',
        redis_username: 'worker',
        redis_password: 'p@ss',
        redis_tls: 'disable',
      },
    },
    {
      url: 'redis://[fd00::5]:6379/',
      parts: {
        redis_address: '[fd00::5]:6379',
        redis_username: '',
        redis_password: '',
        redis_tls: 'disable',
      },
    },
  ])('cuts $url into the parts KEDA reads', ({ url, parts }) => {
    const run = runSecretFiles({ ...REQUIRED, ...UNSET_OPTIONAL, REDIS_URL: url });
    expect(run.status, run.output).toBe(0);
    const written = Object.fromEntries(
      Object.keys(parts).map((name) => [name, run.files.get(name)?.content]),
    );
    expect(written).toEqual(parts);
  });

  it.each([
    ['not a URL', 'secret-looking-redis-value'],
    ['another scheme', 'https://user:secret-looking-password@redis.internal.example'],
    ['a database KEDA would not read', 'redis://:secret-looking-password@redis.internal.example/3'],
    ['a malformed escape', 'redis://:secret-looking-%zz@redis.internal.example'],
  ])('refuses %s, and never prints the URL', (_case, url) => {
    const run = runSecretFiles({ ...REQUIRED, ...UNSET_OPTIONAL, REDIS_URL: url });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('::error::REDIS_URL');
    expect(run.output).not.toContain('secret-looking');
    expect(run.sudo, 'nothing is linked after a failure').toEqual([]);
  });
});

describe.each(ENVIRONMENTS)('the %s overlay and the secret files', (environment) => {
  const objects = render(join(ENVIRONMENTS_FOLDER, environment));
  const references = referencedSecretKeys(objects);
  const mounts = secretMounts(objects);
  const configEnv = readFileSync(join(ENVIRONMENTS_FOLDER, environment, 'config.env'), 'utf8');

  it('reads the Secret the roll-out action generates, mounted where the action links the files', () => {
    const rollOut = action('roll-out').text;
    expect(rollOut).toContain(`kustomize edit add secret ${SECRET_NAME} "\${secret_files[@]}"`);
    expect(mounts.length).toBeGreaterThan(0);
    for (const mount of mounts) expect(mount.path, mount.where).toBe('/run/secrets/ladder');
    const where = references.map((reference) => reference.where).join('\n');
    expect(where).toContain('TriggerAuthentication ladder-redis');
    expect(where).toContain('SECRET_KEY_FILE in ConfigMap ladder-config');
  });

  it('references only keys the secret-files action writes', () => {
    const written = [...everySecret.files.keys()];
    for (const { key, where } of references) expect(written, `${key} (${where})`).toContain(key);
  });

  it('gets KEDA’s keys and every secret config.env reads from the required secrets alone', () => {
    const written = [...requiredOnly.files.keys()];
    for (const { key, where } of references) expect(written, `${key} (${where})`).toContain(key);
  });

  it('is handed no file that neither a manifest nor an optional config.env line reads', () => {
    const read = new Set([
      ...references.map((reference) => reference.key),
      ...optionalSecretFiles(configEnv, '/run/secrets/ladder'),
    ]);
    for (const name of everySecret.files.keys()) expect([...read], name).toContain(name);
  });
});
