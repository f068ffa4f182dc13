import { environmentsNamedIn, type AppEnvironment } from '../environments.js';
import { defineRule, type Finding } from './rule.js';
import { databaseNameOf, hostOf } from './url-parts.js';

/** DATABASE_URL and REDIS_URL findings for hosts or database names that name `forbidden`. */
function namesEnvironment(
  values: { DATABASE_URL?: string | undefined; REDIS_URL?: string | undefined },
  forbidden: AppEnvironment,
  current: AppEnvironment,
): Finding[] {
  const findings: Finding[] = [];
  const checks = [
    { variable: 'DATABASE_URL', url: values.DATABASE_URL, withDatabase: true },
    { variable: 'REDIS_URL', url: values.REDIS_URL, withDatabase: false },
  ];
  for (const { variable, url, withDatabase } of checks) {
    if (url === undefined) continue;
    const parts = [['host', hostOf(url)]];
    if (withDatabase) parts.push(['database name', databaseNameOf(url)]);
    for (const [part = '', text = ''] of parts) {
      if (environmentsNamedIn(text).includes(forbidden)) {
        findings.push({
          variable,
          message: `has a ${part} ("${text}") that names ${forbidden}; ${current} must never touch ${forbidden} data`,
          fix: `point ${variable} at the ${current} ${variable === 'REDIS_URL' ? 'Redis' : 'database'}`,
        });
      }
    }
  }
  return findings;
}

/** Keeps every environment on its own data: production never on staging's, nothing else on production's. */
export const resourceRules = [
  defineRule({
    name: 'no-staging-resources',
    environments: ['production'],
    description:
      'No host or database name in DATABASE_URL/REDIS_URL names staging (by word: staging, stage, stg).',
    check: ({ values, environment }) => namesEnvironment(values, 'staging', environment),
  }),
  defineRule({
    name: 'no-production-resources',
    environments: ['staging', 'development', 'test'],
    description:
      'No host or database name in DATABASE_URL/REDIS_URL names production (by word: prod, production, prd, live).',
    check: ({ values, environment }) => namesEnvironment(values, 'production', environment),
  }),
];
