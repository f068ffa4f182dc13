import { APP_ENVIRONMENTS, nodeEnvironmentFor } from '../environments.js';
import type { VariableName } from '../schema.js';
import { defineRule } from './rule.js';

/** Marks left in example files. A value that still contains one was never filled in. */
const PLACEHOLDER = /change[-_ ]?me|replace[-_ ]?me/i;

export const everyEnvironmentRules = [
  defineRule({
    name: 'node-env-matches',
    environments: APP_ENVIRONMENTS,
    description: 'NODE_ENV, when set, matches APP_ENV (production for staging and production).',
    check: ({ values, environment }) => {
      const expected = nodeEnvironmentFor(environment);
      return values.NODE_ENV !== undefined && values.NODE_ENV !== expected
        ? [
            {
              variable: 'NODE_ENV',
              message: `is ${values.NODE_ENV} but APP_ENV=${environment} needs ${expected}`,
              fix: 'remove NODE_ENV: it is derived from APP_ENV',
            },
          ]
        : [];
    },
  }),
  defineRule({
    name: 'management-port-private',
    environments: APP_ENVIRONMENTS,
    description:
      'MANAGEMENT_PORT and WORKER_MANAGEMENT_PORT differ from PORT, so health, readiness and the status page never share the public port.',
    check: ({ values }) =>
      (['MANAGEMENT_PORT', 'WORKER_MANAGEMENT_PORT'] as const)
        .filter((variable) => values[variable] !== undefined && values[variable] === values.PORT)
        .map((variable) => ({
          variable,
          message: `equals PORT (${values.PORT}), which would put the ops surface on the public port`,
          fix: `give ${variable} a port of its own, e.g. ${variable === 'MANAGEMENT_PORT' ? 9464 : 9465}`,
        })),
  }),
  defineRule({
    name: 'placeholder',
    environments: APP_ENVIRONMENTS,
    description: 'No value still contains an example-file placeholder (CHANGE_ME, REPLACE_ME).',
    check: ({ raw }) =>
      Object.entries(raw)
        .filter(([, value]) => value !== undefined && PLACEHOLDER.test(value))
        .map(([variable]) => ({
          variable: variable as VariableName,
          message: 'still holds a placeholder from an example file',
          fix: `set a real value for ${variable}`,
        })),
  }),
  defineRule({
    name: 's3-settings',
    environments: APP_ENVIRONMENTS,
    description: 'STORAGE_BACKEND=s3 comes with S3_BUCKET and S3_REGION.',
    check: ({ values, raw }) =>
      values.STORAGE_BACKEND !== 's3'
        ? []
        : (['S3_BUCKET', 'S3_REGION'] as const)
            .filter((variable) => raw[variable] === undefined)
            .map((variable) => ({
              variable,
              message: 'is required when STORAGE_BACKEND=s3',
              fix: `set ${variable}`,
            })),
  }),
];
