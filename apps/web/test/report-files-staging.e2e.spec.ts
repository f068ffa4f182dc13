import { randomBytes } from 'node:crypto';
import {
  appCommand,
  createDatabaseNamed,
  networkGateway,
  runOnStackNetwork,
  runToEndOnStackNetwork,
  testSecretKey,
  waitFor,
} from '@repo/testing';
import { S3RVER_CREDENTIALS, startS3Server, type S3Server } from '@repo/testing/s3';
import { startSmtpCatcher, type SmtpCatcher } from '@repo/testing/smtp';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { request } from './support/http.js';

/**
 * The report flow in staging mode, under the real staging rules: web and worker run in containers on the compose
 * network, their files go to an S3-protocol server and their mail to an SMTP catcher, both in this process and
 * reached at the network's gateway (staging refuses loopback addresses). The mail guard lets the team's domain
 * through and redirects everyone else to the QA address.
 */

const HOST = 'staging.example.com';
const ORIGIN = `https://${HOST}`;
const BUCKET = 'reports-media-staging';
const TEAM_DOMAIN = 'team.example.com';
const REDIRECT_TO = `qa@${TEAM_DOMAIN}`;
/** How long the report links work (REPORT_LINK_SECONDS in @repo/db). */
const LINK_SECONDS = 24 * 3600;

let s3: S3Server;
let catcher: SmtpCatcher;
let webUrl: string;
const containers: { stop(options?: { timeout?: number }): Promise<unknown> }[] = [];

interface PresentedReport {
  id: string;
  status: string;
  links: { download?: { json: string; csv: string; expiresInSeconds: number } };
}

beforeAll(async () => {
  const stack = inject('stack');
  const gateway = await networkGateway(stack.network);
  [s3, catcher] = await Promise.all([
    startS3Server(BUCKET, { host: gateway }),
    startSmtpCatcher({ host: gateway }),
  ]);
  const database = `files_${randomBytes(3).toString('hex')}_staging`;
  await createDatabaseNamed(stack.postgresAdminUrl, database);
  const environment = {
    APP_ENV: 'staging',
    DATABASE_URL: `postgres://ladder:${stack.postgresPassword}@postgres:5432/${database}`,
    REDIS_URL: 'redis://redis:6379/0',
    QUEUE_PREFIX: `ladder-staging-${randomBytes(3).toString('hex')}`,
    SECRET_KEY: testSecretKey(),
    PUBLIC_URL: ORIGIN,
    ALLOWED_HOSTS: HOST,
    CORS_ALLOWED_ORIGINS: ORIGIN,
    STORAGE_BACKEND: 's3',
    S3_BUCKET: BUCKET,
    S3_REGION: 'eu-west-1',
    S3_ENDPOINT: s3.endpoint,
    // Read by the AWS SDK's default credential chain, as a deploy's role or secret would be.
    AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    SMTP_URL: catcher.url,
    EMAIL_FROM: `Reports <noreply@${TEAM_DOMAIN}>`,
    EMAIL_ALLOWED_RECIPIENTS: `@${TEAM_DOMAIN}`,
    EMAIL_REDIRECT_TO: REDIRECT_TO,
  };

  await runToEndOnStackNetwork({
    network: stack.network,
    command: ['packages/db/bin/ladder-db.js', 'migrate'],
    environment,
  });

  const [web] = await Promise.all([
    runOnStackNetwork({
      network: stack.network,
      command: appCommand('web'),
      ports: [3000],
      readyLog: /web listening on/,
      environment,
    }),
    runOnStackNetwork({
      network: stack.network,
      command: appCommand('worker'),
      ports: [9465],
      readyLog: /worker started/,
      environment,
    }).then((worker) => containers.push(worker)),
  ]);
  containers.push(web);
  webUrl = `http://${web.getHost()}:${web.getMappedPort(3000)}`;
});

afterAll(async () => {
  vi.useRealTimers();
  await Promise.all(containers.map((container) => container.stop({ timeout: 10_000 })));
  await catcher?.close();
  await s3?.close();
});

/** Posts a report for `email` and waits for it to complete. */
async function completedReport(email: string): Promise<PresentedReport> {
  const posted = await request(`${webUrl}/api/reports`, {
    method: 'POST',
    headers: { host: HOST },
    body: { title: 'Staging files', periodDays: 2, email },
  });
  expect(posted.status, posted.body).toBe(202);
  const { id } = posted.json<PresentedReport>();
  const report = await waitFor(
    async () => {
      const response = await request(`${webUrl}/api/reports/${id}`, { headers: { host: HOST } });
      const body = response.json<PresentedReport>();
      return body.status === 'completed' || body.status === 'failed' ? body : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 200, description: `report ${id} to finish` },
  );
  expect(report.status, JSON.stringify(report)).toBe('completed');
  return report;
}

function mailAbout(id: string) {
  return waitFor(
    () => Promise.resolve(catcher.inbox.find((mail) => mail.parsed.subject?.includes(id))),
    { timeoutMs: 10_000, intervalMs: 100, description: `the mail about report ${id}` },
  );
}

describe('a report requested with an email, in staging', () => {
  it('is stored in the bucket under the staging prefix, and its presigned link downloads it until it expires', async () => {
    const report = await completedReport(`ann@${TEAM_DOMAIN}`);

    expect(await s3.keys()).toEqual(
      expect.arrayContaining([
        `staging/reports/${report.id}.json`,
        `staging/reports/${report.id}.csv`,
      ]),
    );
    const link = report.links.download?.csv ?? '';
    expect(new URL(link).pathname).toBe(`/${BUCKET}/staging/reports/${report.id}.csv`);
    expect(report.links.download?.expiresInSeconds).toBe(LINK_SECONDS);
    const downloaded = await fetch(link);
    expect(downloaded.status).toBe(200);
    expect(await downloaded.text()).toContain(`${report.id},Staging files,2,`);

    // The S3-protocol server runs in this process: move its clock a minute past the link's expiry.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + (LINK_SECONDS + 60) * 1000);
    try {
      const expired = await fetch(link);
      expect(expired.status).toBe(403);
      expect(await expired.text()).toContain('Request has expired');
    } finally {
      vi.useRealTimers();
    }
  });

  it('mails an allowlisted recipient as addressed, with a link that downloads the file', async () => {
    const report = await completedReport(`ann@${TEAM_DOMAIN}`);
    const mail = await mailAbout(report.id);

    expect(mail.envelopeTo).toEqual([`ann@${TEAM_DOMAIN}`]);
    const link = /Download it here: (\S+)/.exec(mail.parsed.text ?? '')?.[1] ?? '';
    expect(new URL(link).pathname).toBe(`/${BUCKET}/staging/reports/${report.id}.csv`);
    const downloaded = await fetch(link);
    expect(downloaded.status).toBe(200);
    expect(await downloaded.text()).toContain(`${report.id},Staging files,2,`);
  });

  it('never delivers to a customer: the mail goes to the redirect address, naming the customer in its subject', async () => {
    const customer = 'customer@customer.example.org';
    const report = await completedReport(customer);
    const mail = await mailAbout(report.id);

    expect(mail.envelopeTo).toEqual([REDIRECT_TO]);
    expect(mail.parsed.subject).toBe(`[to ${customer}] Your report ${report.id} is ready`);
    expect(catcher.inbox.flatMap((caught) => caught.envelopeTo)).not.toContain(customer);
  });
});
