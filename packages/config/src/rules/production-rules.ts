import { isAbsolute } from 'node:path';
import { defineRule, type Finding } from './rule.js';

const QUIET_LEVELS = new Set(['info', 'warn', 'error', 'fatal', 'silent']);

export const productionRules = [
  defineRule({
    name: 'log-level-production',
    environments: ['production'],
    description: 'LOG_LEVEL is info or quieter (warn, error, fatal, silent).',
    check: ({ values }) =>
      values.LOG_LEVEL !== undefined && !QUIET_LEVELS.has(values.LOG_LEVEL)
        ? [
            {
              variable: 'LOG_LEVEL',
              message: `is ${values.LOG_LEVEL}; debug logs in production are costly and may carry personal data`,
              fix: 'set LOG_LEVEL=info (or warn, error)',
            },
          ]
        : [],
  }),
  defineRule({
    name: 'persistent-storage',
    environments: ['production'],
    description:
      'STORAGE_BACKEND=local only with ALLOW_LOCAL_STORAGE=true (a persistent volume) and an absolute MEDIA_ROOT; container disks are ephemeral.',
    check: ({ values, raw }) => {
      if (values.STORAGE_BACKEND !== 'local') return [];
      const findings: Finding[] = [];
      if (values.ALLOW_LOCAL_STORAGE !== true) {
        findings.push({
          variable: 'STORAGE_BACKEND',
          message: 'is local, and files written to a container disk vanish on the next deploy',
          fix: 'use STORAGE_BACKEND=s3 with S3_BUCKET and S3_REGION, or mount a persistent volume and set ALLOW_LOCAL_STORAGE=true',
        });
      }
      if (raw.MEDIA_ROOT !== undefined && !isAbsolute(raw.MEDIA_ROOT)) {
        findings.push({
          variable: 'MEDIA_ROOT',
          message: 'is a relative path, which depends on the working directory',
          fix: 'set MEDIA_ROOT to the absolute mount point of the persistent volume',
        });
      }
      return findings;
    },
  }),
  defineRule({
    name: 'stripe-live-keys',
    environments: ['production'],
    description: 'STRIPE_SECRET_KEY, when set, is a live key (sk_live_ or rk_live_).',
    check: ({ values }) =>
      values.STRIPE_SECRET_KEY !== undefined && !/^(?:sk|rk)_live_/.test(values.STRIPE_SECRET_KEY)
        ? [
            {
              variable: 'STRIPE_SECRET_KEY',
              message: 'is a test key, so production payments would not be charged',
              fix: 'use the live key (sk_live_… or a restricted rk_live_…) from the Stripe dashboard',
            },
          ]
        : [],
  }),
  defineRule({
    name: 'no-live-stripe-keys',
    environments: ['staging', 'development', 'test'],
    description: 'STRIPE_SECRET_KEY is never a live key outside production.',
    check: ({ values, environment }) =>
      values.STRIPE_SECRET_KEY !== undefined && /^(?:sk|rk)_live_/.test(values.STRIPE_SECRET_KEY)
        ? [
            {
              variable: 'STRIPE_SECRET_KEY',
              message: `is a live key; ${environment} would charge real cards`,
              fix: 'use a test key (sk_test_…) outside production',
            },
          ]
        : [],
  }),
];
