import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childProcessEnv } from '@repo/config/host';
import { createDatabaseNamed, REPOSITORY_ROOT, testSecretKey, waitFor } from '@repo/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { request } from './support/http.js';

/**
 * The shipped images, as a deployment runs them: built from apps/web/Dockerfile and apps/worker/Dockerfile, then
 * started on the compose network in staging mode (the real staging rules apply), with the secret key mounted as
 * a file. The release step, the worker and the web app all run from those images, not from this checkout.
 */

const HOST = 'staging.example.com';
const ORIGIN = `https://${HOST}`;
const SECRET_KEY_PATH = '/run/secrets/secret_key';
const APP_VERSION = `e2e-${randomBytes(3).toString('hex')}`;
const GIT_SHA = randomBytes(20).toString('hex');
const images = {
  web: `ladder-web:${APP_VERSION}`,
  worker: `ladder-worker:${APP_VERSION}`,
};
/** Named, so afterAll removes them even when a start fails halfway. */
const containers = {
  migrate: `ladder-e2e-migrate-${APP_VERSION}`,
  web: `ladder-e2e-web-${APP_VERSION}`,
  worker: `ladder-e2e-worker-${APP_VERSION}`,
};
/** Both apps' MEDIA_ROOT, as the compose stacks share theirs: the worker writes files, web serves their links. */
const MEDIA_VOLUME = `ladder-e2e-media-${APP_VERSION}`;
/** A cold build downloads every dependency and compiles on two cores: allow it several minutes. */
const BUILD_TIMEOUT_MS = 15 * 60_000;

interface CommandResult {
  code: number;
  stdout: string;
  output: string;
}

/** Runs the docker CLI; resolves with its exit code and output whatever the outcome. */
function docker(
  args: readonly string[],
  variables: Record<string, string | undefined> = {},
): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      'docker',
      args,
      { env: childProcessEnv(variables), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout: stdout.trim(), output: `${stdout}${stderr}` });
      },
    );
  });
}

async function dockerOrFail(args: readonly string[]): Promise<string> {
  const result = await docker(args);
  if (result.code !== 0)
    throw new Error(`docker ${args.join(' ')} exited ${result.code}:\n${result.output}`);
  return result.stdout;
}

let variables: Record<string, string>;
let secretsFolder: string;
let migration: CommandResult;
let webUrl: string;
let managementUrl: string;

/** `docker run` options that hand the staging configuration over without putting a value on a command line. */
function configurationOptions(): string[] {
  return [
    ...Object.keys(variables).flatMap((name) => ['--env', name]),
    '--mount',
    `type=bind,source=${join(secretsFolder, 'secret_key')},target=${SECRET_KEY_PATH},readonly`,
    // The images' own MEDIA_ROOT (STORAGE_BACKEND=local, the default).
    '--mount',
    `type=volume,source=${MEDIA_VOLUME},target=/var/lib/ladder/media`,
  ];
}

async function buildImage(app: 'web' | 'worker'): Promise<void> {
  const built = await docker(
    [
      'build',
      '--progress=plain',
      '--file',
      join(REPOSITORY_ROOT, `apps/${app}/Dockerfile`),
      // The Dockerfiles pin node:24-slim by digest for releases; this test builds them on whatever node:24-slim
      // the machine has (a local copy where no registry is reachable). Deploy's smoke job runs the pinned build.
      '--build-arg',
      'NODE_IMAGE=node:24-slim',
      '--build-arg',
      `APP_VERSION=${APP_VERSION}`,
      '--build-arg',
      `GIT_SHA=${GIT_SHA}`,
      '--tag',
      images[app],
      REPOSITORY_ROOT,
    ],
    { DOCKER_BUILDKIT: '1' },
  );
  expect(built.code, built.output.slice(-6_000)).toBe(0);
}

/** Starts an app container in the background and waits for its HEALTHCHECK to pass. */
async function startApp(app: 'web' | 'worker', options: string[]): Promise<void> {
  const started = await docker(
    [
      'run',
      '--detach',
      '--name',
      containers[app],
      '--network',
      inject('stack').network,
      ...configurationOptions(),
      ...options,
      images[app],
    ],
    variables,
  );
  expect(started.code, started.output).toBe(0);
  const container = containers[app];
  const state = await waitFor(
    async () => {
      const current = JSON.parse(
        await dockerOrFail(['inspect', '--format', '{{json .State}}', container]),
      ) as { Status: string; ExitCode: number; Health?: { Status: string } };
      return current.Status === 'exited' || current.Health?.Status === 'healthy'
        ? current
        : undefined;
    },
    { timeoutMs: 90_000, intervalMs: 500, description: `the ${app} container to turn healthy` },
  );
  if (state.Status === 'exited') {
    const logs = (await docker(['logs', container])).output;
    throw new Error(`${app} exited ${state.ExitCode} before turning healthy:\n${logs}`);
  }
}

beforeAll(async () => {
  const stack = inject('stack');
  const database = `images_${randomBytes(3).toString('hex')}`;
  await createDatabaseNamed(stack.postgresAdminUrl, database);
  secretsFolder = mkdtempSync(join(tmpdir(), 'ladder-secrets-'));
  // Readable by the image's unprivileged user, as a mounted Kubernetes or Docker secret is.
  writeFileSync(join(secretsFolder, 'secret_key'), testSecretKey(), { mode: 0o444 });
  variables = {
    APP_ENV: 'staging',
    DATABASE_URL: `postgres://ladder:${stack.postgresPassword}@postgres:5432/${database}`,
    REDIS_URL: 'redis://redis:6379/0',
    QUEUE_PREFIX: `ladder-staging-${randomBytes(3).toString('hex')}`,
    SECRET_KEY_FILE: SECRET_KEY_PATH,
    PUBLIC_URL: ORIGIN,
    ALLOWED_HOSTS: HOST,
    CORS_ALLOWED_ORIGINS: ORIGIN,
  };

  await Promise.all([buildImage('web'), buildImage('worker')]);

  migration = await docker(
    [
      'run',
      '--rm',
      '--name',
      containers.migrate,
      '--network',
      stack.network,
      ...configurationOptions(),
      images.web,
      'node',
      'packages/db/bin/ladder-db.js',
      'migrate',
    ],
    variables,
  );
  expect(migration.code, migration.output).toBe(0);

  await Promise.all([
    startApp('worker', []),
    startApp('web', ['--publish', '127.0.0.1::3000', '--publish', '127.0.0.1::9464']),
  ]);
  const address = async (port: string) =>
    `http://${(await dockerOrFail(['port', containers.web, `${port}/tcp`])).split('\n')[0]}`;
  webUrl = await address('3000');
  managementUrl = await address('9464');
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await docker(['rm', '--force', '--volumes', ...Object.values(containers)]);
  await docker(['volume', 'rm', MEDIA_VOLUME]);
  // Only the tags: the layers stay in the build cache, so the next run builds warm.
  await docker(['image', 'rm', images.web, images.worker]);
  if (secretsFolder !== undefined) rmSync(secretsFolder, { recursive: true, force: true });
});

describe('the release step', () => {
  it('migrates the fresh staging database from the web image and stamps it as staging', () => {
    expect(migration.output).toMatch(/migrations: applied \d+/);
    expect(migration.output).toContain('database stamped as staging');
  });
});

describe('web and worker images in staging mode', () => {
  it('report ready on the management port, with one live worker whose configuration matches', async () => {
    const ready = await waitFor(
      async () => {
        const response = await request(`${managementUrl}/health/ready`);
        return response.status === 200 ? response.json<{ details: unknown }>() : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 250, description: 'readiness to turn 200' },
    );
    expect(ready.details).toMatchObject({
      environment: { status: 'up', appEnv: 'staging', database: 'staging', redis: 'staging' },
      postgres: { status: 'up' },
      redis: { status: 'up', maxmemoryPolicy: 'noeviction' },
      migrations: { status: 'up' },
    });
    const workers = await request(`${managementUrl}/workers`);
    expect(workers.json()).toMatchObject({
      status: 'ok',
      live: 1,
      workers: [{ fingerprintMatches: true, version: APP_VERSION }],
    });
  });

  it('complete a posted report: the web container queues it, the worker container runs it and writes its files', async () => {
    const posted = await request(`${webUrl}/api/reports`, {
      method: 'POST',
      headers: { host: HOST },
      body: { title: 'Quarter so far', periodDays: 3 },
    });
    expect(posted.status, posted.body).toBe(202);
    const { id } = posted.json<{ id: string }>();
    const report = await waitFor(
      async () => {
        const response = await request(`${webUrl}/api/reports/${id}`, { headers: { host: HOST } });
        const body = response.json<{
          status: string;
          result: unknown;
          links: { download?: { csv: string } };
        }>();
        return body.status === 'completed' || body.status === 'failed' ? body : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 250, description: `report ${id} to finish` },
    );
    expect(report, JSON.stringify(report)).toMatchObject({
      status: 'completed',
      result: { days: 3 },
    });
    // The worker wrote the CSV under the image's MEDIA_ROOT; the link (naming PUBLIC_URL) downloads it from web.
    const link = new URL(report.links.download?.csv ?? '');
    expect(link.origin).toBe(ORIGIN);
    const downloaded = await request(`${webUrl}${link.pathname}${link.search}`, {
      headers: { host: HOST },
    });
    expect(downloaded.status, downloaded.body).toBe(200);
    expect(downloaded.body).toContain(`${id},Quarter so far,3,`);
  });

  it.each(['web', 'worker'] as const)(
    'run the %s app as the unprivileged node user (numeric 1000:1000), under tini',
    async (app) => {
      const container = containers[app];
      expect(await dockerOrFail(['exec', container, 'id', '--user', '--name'])).toBe('node');
      expect(
        await dockerOrFail(['image', 'inspect', '--format', '{{.Config.User}}', images[app]]),
      ).toBe('1000:1000');
      expect(await dockerOrFail(['exec', container, 'cat', '/proc/1/comm'])).toBe('tini');
    },
  );

  it.each(['web', 'worker'] as const)(
    'bake the release identity into the %s image, and no NODE_ENV',
    async (app) => {
      const environment = JSON.parse(
        await dockerOrFail(['image', 'inspect', '--format', '{{json .Config.Env}}', images[app]]),
      ) as string[];
      expect(environment).toEqual(
        expect.arrayContaining([`APP_VERSION=${APP_VERSION}`, `GIT_SHA=${GIT_SHA}`]),
      );
      expect(environment.filter((entry) => entry.startsWith('NODE_ENV='))).toEqual([]);
    },
  );
});

describe('docker stop', () => {
  it('stops both apps gracefully: SIGTERM, a clean shutdown, exit code 0', async () => {
    const stopped = (['web', 'worker'] as const).map(async (app) => {
      const container = containers[app];
      // Longer than the stop grace period the templates give, so only a hang would reach the kill.
      await dockerOrFail(['stop', '--time', '60', container]);
      const exitCode = await dockerOrFail([
        'inspect',
        '--format',
        '{{.State.ExitCode}}',
        container,
      ]);
      const logs = exitCode === '0' ? '' : (await docker(['logs', container])).output;
      return { app, exitCode, logs };
    });
    const results = await Promise.all(stopped);
    for (const { app, exitCode, logs } of results)
      expect({ app, exitCode }, logs).toEqual({ app, exitCode: '0' });
  });
});
