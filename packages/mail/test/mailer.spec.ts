import type { AppEnvironment } from '@repo/config';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createMailer,
  ORIGINAL_RECIPIENTS_HEADER,
  reportReadyMail,
  type Mailer,
} from '../src/index.js';
import { startSmtpCatcher, type SmtpCatcher } from '@repo/testing/smtp';

const FROM = 'Ladder <noreply@ladder.example>';

let catcher: SmtpCatcher;
const mailers: Mailer[] = [];

function mailerFor(
  appEnv: AppEnvironment,
  guard: { redirectTo?: string; allowedRecipients?: string[] } = {},
  /** null: SMTP_URL unset. */
  smtpUrl: string | null = catcher.url,
): Mailer {
  const mailer = createMailer({
    appEnv,
    email: {
      smtpUrl: smtpUrl ?? undefined,
      from: FROM,
      redirectTo: guard.redirectTo,
      allowedRecipients: guard.allowedRecipients ?? [],
    },
  });
  mailers.push(mailer);
  return mailer;
}

function reportMail(to: string | string[]) {
  return {
    to,
    ...reportReadyMail({
      reportId: '42',
      downloadUrl: 'https://staging.example.com/files/reports/42.csv?expires=1&signature=x',
      expiresAt: new Date('2026-12-01T09:00:00Z'),
    }),
  };
}

function envelopeRecipients(): string[] {
  return catcher.inbox.flatMap((mail) => mail.envelopeTo);
}

beforeAll(async () => {
  catcher = await startSmtpCatcher();
});

afterEach(() => {
  catcher.inbox.length = 0;
  for (const mailer of mailers.splice(0)) mailer.close();
});

afterAll(async () => {
  await catcher.close();
});

describe('in development', () => {
  it('delivers the report-ready mail, text and HTML, from EMAIL_FROM to the catcher', async () => {
    const result = await mailerFor('development').send(reportMail('ann@customer.example'));

    expect(result).toMatchObject({ status: 'sent', direct: ['ann@customer.example'] });
    expect(catcher.inbox).toHaveLength(1);
    const [mail] = catcher.inbox;
    expect(mail?.envelopeTo).toEqual(['ann@customer.example']);
    expect(mail?.parsed.from?.text).toBe('"Ladder" <noreply@ladder.example>');
    expect(mail?.parsed.subject).toBe('Your report 42 is ready');
    expect(mail?.parsed.text).toContain(
      'https://staging.example.com/files/reports/42.csv?expires=1&signature=x',
    );
    expect(mail?.parsed.html).toContain(
      'href="https://staging.example.com/files/reports/42.csv?expires=1&amp;signature=x"',
    );
  });

  it('sends nothing, and says so, when SMTP_URL is unset', async () => {
    const result = await mailerFor('development', {}, null).send(
      reportMail('ann@customer.example'),
    );

    expect(result).toEqual({ status: 'skipped', reason: 'SMTP_URL is unset' });
    expect(catcher.inbox).toHaveLength(0);
  });

  it('refuses a recipient that is not a plain address, sending nothing', async () => {
    await expect(
      mailerFor('development').send(reportMail('Ann <ann@customer.example>')),
    ).rejects.toThrow(/plain addresses/);
    expect(catcher.inbox).toHaveLength(0);
  });
});

describe('in staging', () => {
  it('redirects a customer’s mail to EMAIL_REDIRECT_TO; the customer is never in the envelope', async () => {
    const mailer = mailerFor('staging', { redirectTo: 'qa@ladder.example' });
    const result = await mailer.send(reportMail('ann@customer.example'));

    expect(result).toMatchObject({
      status: 'sent',
      direct: [],
      redirected: ['ann@customer.example'],
    });
    expect(envelopeRecipients()).toEqual(['qa@ladder.example']);
    const [mail] = catcher.inbox;
    expect(mail?.parsed.subject).toBe('[to ann@customer.example] Your report 42 is ready');
    expect(mail?.parsed.headers.get(ORIGINAL_RECIPIENTS_HEADER.toLowerCase())).toBe(
      'ann@customer.example',
    );
  });

  it('delivers to allowlisted recipients as addressed and redirects the rest', async () => {
    const mailer = mailerFor('staging', {
      redirectTo: 'qa@ladder.example',
      allowedRecipients: ['@ladder.example'],
    });
    await mailer.send(reportMail(['dev@ladder.example', 'ann@customer.example']));

    expect(envelopeRecipients().sort()).toEqual(['dev@ladder.example', 'qa@ladder.example']);
  });

  it('refuses mail to anyone off the allowlist when there is no redirect address', async () => {
    const mailer = mailerFor('staging', { allowedRecipients: ['qa@ladder.example'] });
    const refused = await mailer.send(reportMail('ann@customer.example'));
    const allowed = await mailer.send(reportMail('QA@ladder.example'));

    expect(refused).toMatchObject({
      status: 'sent',
      direct: [],
      refused: ['ann@customer.example'],
    });
    expect(allowed).toMatchObject({ status: 'sent', direct: ['QA@ladder.example'] });
    // The allowed mail arrived, so the refused one, sent first, would have too.
    expect(envelopeRecipients()).toEqual(['QA@ladder.example']);
  });

  it('does not match an allowlisted domain by suffix', async () => {
    const mailer = mailerFor('staging', { allowedRecipients: ['@ladder.example'] });
    const result = await mailer.send(reportMail('ann@evil-ladder.example'));

    expect(result).toMatchObject({ refused: ['ann@evil-ladder.example'] });
    expect(catcher.inbox).toHaveLength(0);
  });

  it('will not build a mailer without a guard', () => {
    expect(() => mailerFor('staging')).toThrow(/EMAIL_REDIRECT_TO or EMAIL_ALLOWED_RECIPIENTS/);
  });
});

describe('a failed send', () => {
  it('reports the SMTP error without the credentials from SMTP_URL', async () => {
    const strict = await startSmtpCatcher({ rejectLogins: true });
    const password = 'Sm7p-Pa55-w0rd-Q9';
    const mailer = mailerFor('production', {}, strict.url.replace('//', `//mailer:${password}@`));
    try {
      const failure: unknown = await mailer
        .send(reportMail('ann@customer.example'))
        .catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(Error);
      const everything = JSON.stringify({ ...(failure as Error), stack: (failure as Error).stack });
      expect(everything).toContain('Invalid login');
      expect(everything).not.toContain(password);
      expect(everything).not.toContain(Buffer.from(`\0mailer\0${password}`).toString('base64'));
      expect(strict.inbox).toHaveLength(0);
    } finally {
      await strict.close();
    }
  });
});

describe('in production', () => {
  it('mails the customer for real', async () => {
    await mailerFor('production').send(reportMail('ann@customer.example'));

    expect(envelopeRecipients()).toEqual(['ann@customer.example']);
    expect(catcher.inbox[0]?.parsed.subject).toBe('Your report 42 is ready');
  });
});
