import { DEPLOYED_ENVIRONMENTS } from '../environments.js';
import { defineRule, type Finding } from './rule.js';

/** Rules for every environment that serves real users: staging and production alike. */
export const deployedRules = [
  defineRule({
    name: 'debug-off',
    environments: DEPLOYED_ENVIRONMENTS,
    description: 'DEBUG is false.',
    check: ({ values }) =>
      values.DEBUG === true
        ? [
            {
              variable: 'DEBUG',
              message: 'is true; debug output leaks internals to users',
              fix: 'set DEBUG=false or remove it (false is the default here)',
            },
          ]
        : [],
  }),
  defineRule({
    name: 'allowed-hosts-public',
    environments: DEPLOYED_ENVIRONMENTS,
    description:
      'ALLOWED_HOSTS is not empty and not * (loopback hosts are refused by resource-environment).',
    check: ({ values }) => {
      const hosts = values.ALLOWED_HOSTS;
      if (hosts === undefined) return [];
      if (hosts.length === 0) {
        return [
          {
            variable: 'ALLOWED_HOSTS',
            message: 'is empty',
            fix: 'list the public host names, e.g. ALLOWED_HOSTS=app.example.com',
          },
        ];
      }
      return hosts.includes('*')
        ? [
            {
              variable: 'ALLOWED_HOSTS',
              message:
                'allows *, which lets any Host header through (DNS rebinding, host-header injection)',
              fix: 'list only the public host names the app is served at',
            },
          ]
        : [];
    },
  }),
  defineRule({
    name: 'public-url-https',
    environments: DEPLOYED_ENVIRONMENTS,
    description: 'PUBLIC_URL uses https.',
    check: ({ values }) =>
      values.PUBLIC_URL !== undefined && new URL(values.PUBLIC_URL).protocol !== 'https:'
        ? [
            {
              variable: 'PUBLIC_URL',
              message: 'does not use https',
              fix: 'serve the app over TLS and set PUBLIC_URL=https://…',
            },
          ]
        : [],
  }),
  defineRule({
    name: 'cors-https',
    environments: DEPLOYED_ENVIRONMENTS,
    description: 'CORS_ALLOWED_ORIGINS is not * and every origin uses https.',
    check: ({ values }) => {
      const origins = values.CORS_ALLOWED_ORIGINS ?? [];
      const findings: Finding[] = [];
      if (origins.includes('*')) {
        findings.push({
          variable: 'CORS_ALLOWED_ORIGINS',
          message: 'is *, which lets any website call the API',
          fix: 'list the exact https origins of your front ends',
        });
      }
      const insecure = origins.filter((origin) => origin !== '*' && !origin.startsWith('https://'));
      if (insecure.length > 0) {
        findings.push({
          variable: 'CORS_ALLOWED_ORIGINS',
          message: `has origins without https: ${insecure.join(', ')}`,
          fix: 'use https:// origins only',
        });
      }
      return findings;
    },
  }),
  defineRule({
    name: 'session-cookie-secure',
    environments: DEPLOYED_ENVIRONMENTS,
    description: 'SESSION_COOKIE_SECURE is true.',
    check: ({ values }) =>
      values.SESSION_COOKIE_SECURE === false
        ? [
            {
              variable: 'SESSION_COOKIE_SECURE',
              message: 'is false, so session cookies would travel over plain HTTP',
              fix: 'set SESSION_COOKIE_SECURE=true or remove it (true is the default here)',
            },
          ]
        : [],
  }),
  defineRule({
    name: 'smtp-sender',
    environments: DEPLOYED_ENVIRONMENTS,
    description: 'EMAIL_FROM is set whenever SMTP_URL is.',
    check: ({ raw }) =>
      raw.SMTP_URL !== undefined && raw.EMAIL_FROM === undefined
        ? [
            {
              variable: 'EMAIL_FROM',
              message: 'is required because SMTP_URL is set',
              fix: 'set EMAIL_FROM="Your App <noreply@your-domain>"',
            },
          ]
        : [],
  }),
];
