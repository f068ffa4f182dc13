import { emailSenderValue, recipientListValue, urlValue } from './value-types.js';
import { defineVariable } from './variable.js';

/** Outgoing email, optional: without SMTP_URL nothing is sent. */
export const emailVariables = {
  SMTP_URL: defineVariable(urlValue(['smtp', 'smtps']), {
    description:
      'SMTP server for outgoing email, credentials included; leave unset to send nothing. pnpm dev points it at the mail catcher it runs, whose inbox its summary prints.',
    example: 'smtps://apikey:****@smtp.example.com:465',
    apps: ['worker'],
    sensitive: true,
    configPath: 'email.smtpUrl',
    resource: 'url',
    group: 'email',
  }),
  EMAIL_FROM: defineVariable(emailSenderValue(), {
    description:
      'Sender of outgoing email; required in staging and production once SMTP_URL is set.',
    example: 'Ladder <noreply@example.com>',
    default: { development: 'Ladder <noreply@localhost>', test: 'Ladder <noreply@localhost>' },
    apps: ['worker'],
    sensitive: false,
    configPath: 'email.from',
    resource: 'email-address',
    group: 'email',
    exampleFiles: {
      development: 'Ladder <noreply@localhost>',
      staging: 'Ladder <noreply@CHANGE_ME.example>',
      production: 'Ladder <noreply@CHANGE_ME.example>',
    },
  }),
  EMAIL_REDIRECT_TO: defineVariable(emailSenderValue(), {
    description:
      'Outside production, mail to anyone not in EMAIL_ALLOWED_RECIPIENTS goes to this address instead (the subject names the original recipient). Staging needs it or the allowlist once SMTP_URL is set; production refuses it.',
    example: 'qa@example.com',
    apps: ['worker'],
    sensitive: false,
    configPath: 'email.redirectTo',
    resource: 'email-address',
    group: 'email',
    exampleFiles: { staging: 'qa@CHANGE_ME.example' },
  }),
  EMAIL_ALLOWED_RECIPIENTS: defineVariable(recipientListValue(), {
    description:
      'Outside production, the only recipients mail is delivered to as addressed (addresses, or @domain for a whole domain); any other is redirected to EMAIL_REDIRECT_TO or, without it, not sent. Production refuses it.',
    example: '@example.com,qa@example.org',
    default: '',
    apps: ['worker'],
    sensitive: false,
    configPath: 'email.allowedRecipients',
    resource: 'email-list',
    group: 'email',
  }),
};
