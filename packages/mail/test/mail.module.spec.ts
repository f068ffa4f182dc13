import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { AppConfigModule } from '@repo/config/nest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Mailer, reportReadyMail } from '../src/index.js';
import { MailModule } from '../src/nest/index.js';
import { startSmtpCatcher, type SmtpCatcher } from '@repo/testing/smtp';

let folder: string;
let catcher: SmtpCatcher;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'ladder-mail-module-'));
  catcher = await startSmtpCatcher();
});

afterAll(async () => {
  await catcher.close();
  await rm(folder, { recursive: true, force: true });
});

describe('MailModule', () => {
  it('sends through SMTP_URL from EMAIL_FROM with the guard the variables describe', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppConfigModule.forRoot({
          load: {
            env: {
              APP_ENV: 'development',
              DATABASE_URL: 'postgres://ladder:ladder@localhost:5432/ladder_dev',
              REDIS_URL: 'redis://localhost:6379/0',
              SECRET_KEY: 'dev-only-secret',
              SMTP_URL: catcher.url,
              EMAIL_REDIRECT_TO: 'qa@ladder.example',
              EMAIL_ALLOWED_RECIPIENTS: ' @ladder.example , boss@partner.example',
            },
            envDir: folder,
            cwd: folder,
          },
        }),
        MailModule,
      ],
    }).compile();
    const mailer = moduleRef.get(Mailer);
    const content = reportReadyMail({
      reportId: '7',
      downloadUrl: 'http://localhost:3000/files/reports/7.csv',
      expiresAt: new Date('2026-12-01T09:00:00Z'),
    });

    await mailer.send({
      to: ['dev@ladder.example', 'boss@partner.example', 'ann@customer.example'],
      ...content,
    });

    expect(catcher.inbox.map((mail) => mail.envelopeTo)).toEqual([
      ['dev@ladder.example', 'boss@partner.example'],
      ['qa@ladder.example'],
    ]);
    expect(catcher.inbox[0]?.parsed.from?.text).toBe('"Ladder" <noreply@localhost>');
    await moduleRef.close();
  });
});
