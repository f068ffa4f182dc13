import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { childProcessEnv } from '@repo/config/host';
import { freshCopy, processesUnder, removeCopy, waitFor } from '@repo/testing';
import type { RunningProcess } from '@repo/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { devProject } from '../src/dev-project.js';
import { interrupt, startDev as startDevRun } from './support/dev-run.js';

let copy: string;
/** The run a test started: a test that fails half-way leaves it running, and the next test would meet it. */
let current: RunningProcess | undefined;

async function startDev(...args: Parameters<typeof startDevRun>): ReturnType<typeof startDevRun> {
  const run = await startDevRun(...args);
  current = run.process;
  return run;
}

afterEach(async () => {
  if (current?.running) await interrupt(copy, current).catch(() => current?.signal('SIGKILL'));
  current = undefined;
});

beforeAll(() => {
  copy = freshCopy();
});

afterAll(() => {
  if (!copy) return;
  spawnSync('pnpm', ['dev:reset', '--yes'], {
    cwd: copy,
    env: childProcessEnv(),
    encoding: 'utf8',
    timeout: 120_000,
  });
  removeCopy(copy);
});

/** Replaces `before` with `after` in a file of the copy, as an editor would save it. */
function edit(file: string, before: string, after: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(before)) throw new Error(`${file} no longer contains ${before}`);
  writeFileSync(file, text.replace(before, after));
}

function composeStates(project: string): string[] {
  const result = spawnSync(
    'docker',
    ['compose', '-p', project, 'ps', '--all', '--format', '{{.Service}}={{.State}}'],
    { encoding: 'utf8' },
  );
  return result.stdout.split('\n').filter(Boolean).sort();
}

function containerIds(project: string): string {
  return spawnSync('docker', ['compose', '-p', project, 'ps', '--all', '--quiet'], {
    encoding: 'utf8',
  })
    .stdout.split('\n')
    .sort()
    .join(',');
}

async function json<Value>(
  url: string,
  init?: RequestInit,
): Promise<{ status: number; body: Value }> {
  const response = await fetch(url, init);
  return { status: response.status, body: (await response.json()) as Value };
}

async function completedReport(appUrl: string, id: string): Promise<{ status: string }> {
  return waitFor(
    async () => {
      const { body } = await json<{ status: string }>(`${appUrl}/api/reports/${id}`);
      return body.status === 'completed' ? body : undefined;
    },
    { timeoutMs: 30_000, description: `report ${id} to complete` },
  );
}

describe('pnpm dev on a fresh clone', () => {
  let reportId: string;
  let firstContainers: string;

  it('creates .env.development, starts the services, migrates, seeds and brings both apps up', async () => {
    expect(existsSync(join(copy, '.env.development'))).toBe(false);
    const { process: dev, appUrl, managementUrl } = await startDev(copy);
    const output = dev.output();
    expect(output).toContain('created .env.development from .env.development.example');
    // The address compose publishes the services on, whatever testcontainers would guess on this machine.
    expect(output).toMatch(/Postgres:\s+postgres:\/\/ladder:\*\*\*\*@127\.0\.0\.1:\d+\/ladder_dev/);
    expect(output).toMatch(/Redis:\s+redis:\/\/127\.0\.0\.1:\d+\/0/);
    expect(output).toContain('fresh database: seeded 3 sample reports');
    expect(existsSync(join(copy, '.env.development'))).toBe(true);

    const ready = await json<{ status: string }>(`${managementUrl}/health/ready`);
    expect(ready).toMatchObject({ status: 200, body: { status: 'ok' } });
    const created = await json<{ id: string }>(`${appUrl}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Made in dev', periodDays: 5, email: 'ann@example.com' }),
    });
    expect(created.status).toBe(202);
    reportId = created.body.id;
    expect(await completedReport(appUrl, reportId)).toMatchObject({ status: 'completed' });

    // The report-ready mail is in the catcher the summary names, and its link downloads the file.
    const inboxUrl = /Mail:\s+(http:\/\/localhost:\d+)/.exec(dev.output())?.[1];
    expect(inboxUrl, output).toBeDefined();
    const mail = await waitFor(
      async () => {
        const { body } = await json<{ subject: string; text: string }[]>(`${inboxUrl}/api/email`);
        return body.find((caught) => caught.subject.includes(reportId));
      },
      { timeoutMs: 15_000, description: `the mail about report ${reportId}` },
    );
    const link = /Download it here: (\S+)/.exec(mail.text)?.[1] ?? '';
    expect(link.startsWith(`${appUrl}/files/reports/${reportId}.csv?`), link).toBe(true);
    const downloaded = await fetch(link);
    expect(downloaded.status).toBe(200);
    expect(await downloaded.text()).toContain(`${reportId},Made in dev,5,`);
    expect(existsSync(join(copy, '.data/media/development/reports', `${reportId}.csv`))).toBe(true);
    firstContainers = containerIds(devProject(copy).name);

    expect(await interrupt(copy, dev)).toBe(0);
    expect(dev.output()).toContain('[dev] stopped');
  });

  it('leaves no app process behind and the dev stack stopped, not removed', () => {
    expect(processesUnder(copy)).toEqual([]);
    expect(composeStates(devProject(copy).name)).toEqual(['postgres=exited', 'redis=exited']);
  });

  it('reuses the stack and keeps the data on the next run', async () => {
    const { process: dev, appUrl, managementUrl } = await startDev(copy);
    expect(dev.output()).not.toContain('seeded');
    expect(containerIds(devProject(copy).name)).toBe(firstContainers);
    expect(await json(`${appUrl}/api/reports/${reportId}`)).toMatchObject({
      status: 200,
      body: { status: 'completed', title: 'Made in dev' },
    });
    const page = await fetch(`${managementUrl}/`).then((response) => response.text());
    expect(page).toContain('Weekly active users');

    // Watch mode: an edit in an app reloads that app; an edit in a shared package reloads both apps.
    edit(
      join(copy, 'apps/web/src/status/status-page.ts'),
      '<h2>Recent jobs</h2>',
      '<h2>Recent jobs, edited</h2>',
    );
    await waitFor(
      async () =>
        (
          await fetch(`${managementUrl}/`)
            .then((response) => response.text())
            .catch(() => '')
        ).includes('Recent jobs, edited'),
      {
        timeoutMs: 60_000,
        intervalMs: 500,
        description: 'the web app to reload the edited status page',
      },
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${dev.output().slice(-6000)}`);
    });
    edit(
      join(copy, 'packages/config/src/output/describe.ts'),
      'summary.FINGERPRINT =',
      "summary.EDITED = 'yes';\n  summary.FINGERPRINT =",
    );
    await waitFor(
      () =>
        /web:dev:.*"EDITED":"yes"/.test(dev.output()) &&
        /worker:dev:.*"EDITED":"yes"/.test(dev.output()),
      {
        timeoutMs: 90_000,
        intervalMs: 500,
        description: 'both apps to restart with the edited package',
      },
    );

    // Settings: saving .env.development restarts both apps with the new value.
    writeFileSync(
      join(copy, '.env.development'),
      `${readFileSync(join(copy, '.env.development'), 'utf8')}\nFEATURE_NEW_CHECKOUT=false\n`,
    );
    await waitFor(
      () =>
        /web:dev:.*"FEATURE_NEW_CHECKOUT":"false"/.test(dev.output()) &&
        /worker:dev:.*"FEATURE_NEW_CHECKOUT":"false"/.test(dev.output()),
      {
        timeoutMs: 90_000,
        intervalMs: 500,
        description: 'both apps to restart with the edited .env.development',
      },
    );
    expect(dev.output()).toContain('.env.development changed: restarting web and worker');
    expect(await interrupt(copy, dev)).toBe(0);
    expect(processesUnder(copy)).toEqual([]);
  });
});

describe('pnpm dev without Docker', () => {
  const deadDocker = { DOCKER_HOST: 'unix:///nonexistent/docker.sock' };

  it('falls back to embedded PostgreSQL and the local redis-server, and says so', async () => {
    const { process: dev, appUrl } = await startDev(copy, deadDocker);
    const output = dev.output();
    expect(output).toContain('falling back to embedded PostgreSQL and the local redis-server');
    expect(output).toContain('embedded PostgreSQL + local redis-server');
    expect(output).toContain('fresh database: seeded 3 sample reports');
    const created = await json<{ id: string }>(`${appUrl}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Made without Docker', periodDays: 3 }),
    });
    expect(await completedReport(appUrl, created.body.id)).toMatchObject({ status: 'completed' });
    expect(await interrupt(copy, dev)).toBe(0);
    expect(processesUnder(copy)).toEqual([]);
    expect(existsSync(join(copy, '.data', 'postgres', 'PG_VERSION'))).toBe(true);
  });

  it('stops with a message naming what to install when neither Docker nor redis-server is there', () => {
    // Only Node on PATH: no docker CLI, no redis-server.
    const result = spawnSync(
      process.execPath,
      [join(copy, 'packages/dev-stack/bin/ladder-dev.js'), 'up'],
      {
        cwd: copy,
        env: childProcessEnv({ ...deadDocker, PATH: dirname(process.execPath) }),
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Neither Docker nor redis-server is available');
    expect(result.stdout).toContain('apt install redis-server');
  });
});
