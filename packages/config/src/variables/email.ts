import { emailSenderValue, urlValue } from './value-types.js';
import { defineVariable } from './variable.js';

/** Outgoing email, optional: without SMTP_URL nothing is sent. */
export const emailVariables = {
  SMTP_URL: defineVariable(urlValue(['smtp', 'smtps']), {
    description:
      'SMTP server for outgoing email, credentials included; leave unset to send nothing.',
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
};
