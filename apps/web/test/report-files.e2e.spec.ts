import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, testSecretKey, waitFor } from '@repo/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { request } from './support/http.js';
import {
  runMigrations,
  startWeb,
  startWorker,
  stopAll,
  type Variables,
  type WebProcess,
} from './support/processes.js';
import { startSmtpCatcher, type SmtpCatcher } from '@repo/testing/smtp';

let web: WebProcess;
let catcher: SmtpCatcher;
let mediaRoot: string;

beforeAll(async () => {
  const stack = inject('stack');
  catcher = await startSmtpCatcher();
  mediaRoot = await mkdtemp(join(tmpdir(), 'ladder-media-'));
  const variables: Variables = {
    APP_ENV: 'development',
    DATABASE_URL: await createTestDatabase(stack.postgresAdminUrl, 'report_files'),
    REDIS_URL: stack.redisUrl,
    QUEUE_PREFIX: `ladder-dev-${randomBytes(4).toString('hex')}`,
    SECRET_KEY: testSecretKey(),
    MEDIA_ROOT: mediaRoot,
    SMTP_URL: catcher.url,
  };
  const migrated = runMigrations(variables);
  expect(migrated.code, migrated.output).toBe(0);
  await startWorker('worker-files', variables);
  web = await startWeb('web-files', variables);
});

afterAll(async () => {
  await stopAll();
  await catcher?.close();
  if (mediaRoot) await rm(mediaRoot, { recursive: true, force: true });
});

interface PresentedReport {
  id: string;
  status: string;
  links: { download?: { json: string; csv: string } };
}

/** The local links name PUBLIC_URL; the test's web app listens on a free port, so follow the path there. */
const onTestServer = (link: string) => {
  const url = new URL(link);
  return `${web.url}${url.pathname}${url.search}`;
};

describe('a report requested with an email, in development', () => {
  it('is written under MEDIA_ROOT and mailed to the catcher with a link that downloads it', async () => {
    const posted = await request(`${web.url}/api/reports`, {
      method: 'POST',
      body: { title: 'Files, "quoted"', periodDays: 3, email: 'ann@example.com' },
    });
    expect(posted.status, posted.body).toBe(202);
    const { id } = posted.json<PresentedReport>();

    const report = await waitFor(
      async () => {
        const response = await request(`${web.url}/api/reports/${id}`);
        const body = response.json<PresentedReport>();
        return body.status === 'completed' ? body : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100, description: `report ${id} to complete` },
    );

    // On disk under MEDIA_ROOT, below the environment prefix.
    const csvOnDisk = await readFile(
      join(mediaRoot, 'development', 'reports', `${id}.csv`),
      'utf8',
    );
    expect(csvOnDisk).toContain(`${id},"Files, ""quoted""",3,`);
    const jsonOnDisk = JSON.parse(
      await readFile(join(mediaRoot, 'development', 'reports', `${id}.json`), 'utf8'),
    ) as { id: string; periodDays: number };
    expect(jsonOnDisk).toMatchObject({ id, periodDays: 3 });

    // The API's links download the same files.
    expect(report.links.download).toBeDefined();
    const json = await request(onTestServer(report.links.download?.json ?? ''));
    expect(json.status).toBe(200);
    expect(json.json()).toEqual(jsonOnDisk);

    // The mail reached the catcher, addressed to the requester, and its link downloads the CSV.
    const mail = await waitFor(
      () => Promise.resolve(catcher.inbox.find((caught) => caught.parsed.subject?.includes(id))),
      { timeoutMs: 10_000, intervalMs: 100, description: 'the report ready mail' },
    );
    expect(mail.envelopeTo).toEqual(['ann@example.com']);
    const link = /Download it here: (\S+)/.exec(mail.parsed.text ?? '')?.[1];
    expect(link, mail.parsed.text).toBeDefined();
    const downloaded = await request(onTestServer(link ?? ''));
    expect(downloaded.status).toBe(200);
    expect(downloaded.body).toBe(csvOnDisk);
  });

  it('refuses a link whose signature was tampered with', async () => {
    const forged = `${web.url}/files/reports/${randomBytes(4).toString('hex')}.csv?expires=9999999999&signature=0`;
    const response = await request(forged);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});
