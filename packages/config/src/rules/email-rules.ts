import { defineRule } from './rule.js';

/** Staging never mails a real customer; production never quietly diverts its customers' mail. */
export const emailRules = [
  defineRule({
    name: 'staging-mail-guard',
    environments: ['staging'],
    description:
      'Once SMTP_URL is set, EMAIL_REDIRECT_TO or EMAIL_ALLOWED_RECIPIENTS is too, so staging mails no customer.',
    check: ({ values }) =>
      values.SMTP_URL !== undefined &&
      values.EMAIL_REDIRECT_TO === undefined &&
      (values.EMAIL_ALLOWED_RECIPIENTS ?? []).length === 0
        ? [
            {
              variable: 'EMAIL_REDIRECT_TO',
              message:
                'is required because SMTP_URL is set; without it or EMAIL_ALLOWED_RECIPIENTS, staging would mail real customers',
              fix: 'set EMAIL_REDIRECT_TO=qa@your-domain (and/or EMAIL_ALLOWED_RECIPIENTS=@your-domain)',
            },
          ]
        : [],
  }),
  defineRule({
    name: 'no-mail-guard-in-production',
    environments: ['production'],
    description:
      'EMAIL_REDIRECT_TO and EMAIL_ALLOWED_RECIPIENTS are unset: production mails for real.',
    check: ({ values }) => {
      const set = {
        EMAIL_REDIRECT_TO: values.EMAIL_REDIRECT_TO !== undefined,
        EMAIL_ALLOWED_RECIPIENTS: (values.EMAIL_ALLOWED_RECIPIENTS ?? []).length > 0,
      };
      return (Object.keys(set) as (keyof typeof set)[])
        .filter((variable) => set[variable])
        .map((variable) => ({
          variable,
          message: 'is set, which would divert or drop customers’ mail in production',
          fix: `remove ${variable}; it belongs to staging`,
        }));
    },
  }),
];
