import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMailer, reportReadyMail } from '@repo/mail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailFolder, startMailCatcher, type MailCatcher } from './mail-catcher.js';

let root: string;
let catcher: MailCatcher;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'dev-mail-'));
  catcher = await startMailCatcher(root);
});

afterAll(async () => {
  await catcher?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('the development mail catcher', () => {
  it('catches what the apps send through SMTP_URL and shows it in its inbox', async () => {
    const mailer = createMailer({
      appEnv: 'development',
      email: {
        smtpUrl: catcher.smtpUrl,
        from: 'Dev <noreply@localhost>',
        redirectTo: undefined,
        allowedRecipients: [],
      },
    });
    try {
      await mailer.send({
        to: 'ann@example.com',
        ...reportReadyMail({
          reportId: '42',
          downloadUrl: 'http://localhost:3000/files/reports/42.csv?expires=1&signature=x',
          expiresAt: new Date('2026-12-01T09:00:00Z'),
        }),
      });
    } finally {
      mailer.close();
    }

    const inbox = (await fetch(`${catcher.inboxUrl}/api/email`).then((response) =>
      response.json(),
    )) as { subject: string; text: string; envelope: { to: { address: string }[] } }[];
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({
      subject: 'Your report 42 is ready',
      envelope: { to: [{ address: 'ann@example.com' }] },
    });
    expect(inbox[0]?.text).toContain('http://localhost:3000/files/reports/42.csv?');
    const page = await fetch(catcher.inboxUrl, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
  });

  it('keeps the caught mail under .data/mail, so the inbox survives a restart', () => {
    expect(existsSync(mailFolder(root))).toBe(true);
    expect(readdirSync(mailFolder(root)).filter((name) => name.endsWith('.eml'))).toHaveLength(1);
  });

  it('listens on loopback only', () => {
    expect(new URL(catcher.smtpUrl).hostname).toBe('127.0.0.1');
  });
});
