import type { Config } from '@repo/config';
import { createTransport } from 'nodemailer';
import { Mailer } from './mailer.js';
import type { RecipientGuard } from './recipient-guard.js';

type MailConfig = Pick<Config, 'appEnv' | 'email'>;

/** The guard for this environment: none in production (it sends for real), required in staging. */
export function recipientGuardFor(config: MailConfig): RecipientGuard | undefined {
  const { redirectTo, allowedRecipients } = config.email;
  const configured = redirectTo !== undefined || allowedRecipients.length > 0;
  if (config.appEnv === 'production') return undefined;
  if (!configured) {
    if (config.appEnv === 'staging' && config.email.smtpUrl !== undefined) {
      // The config's staging-mail-guard rule refuses this already; this keeps a hand-built config honest too.
      throw new Error(
        'staging sends mail only with EMAIL_REDIRECT_TO or EMAIL_ALLOWED_RECIPIENTS set, so no customer is mailed',
      );
    }
    return undefined;
  }
  return { allowed: allowedRecipients, redirectTo };
}

/** A Mailer over SMTP_URL from EMAIL_FROM, or one that sends nothing when SMTP_URL is unset. */
export function createMailer(config: MailConfig): Mailer {
  const guard = recipientGuardFor(config);
  const { smtpUrl, from } = config.email;
  if (smtpUrl === undefined) return new Mailer(undefined, from ?? '', guard);
  if (from === undefined) throw new Error('EMAIL_FROM is required once SMTP_URL is set');
  return new Mailer(createTransport(smtpUrl), from, guard);
}
