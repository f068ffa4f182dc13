import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect as inspectObject } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli/main.js';
import { loadConfig } from './load-config.js';
import { summarizeConfig } from './output/describe.js';
import { formatProblem } from './problems.js';
import {
  inspect,
  productionVariables,
  temporaryFolder,
  type Variables,
} from './testing/fixtures.js';

/** Passwords with characters that need URL encoding, long enough never to appear in output by chance. */
const password = fc.string({
  unit: fc.constantFrom(...'abcdefXYZ0123456789!#$%&*+,/:;=?@[]^_~-. '),
  minLength: 12,
  maxLength: 40,
});
const token = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
  minLength: 16,
  maxLength: 48,
});

interface Secrets {
  secretKey: string;
  databasePassword: string;
  redisPassword: string;
  stripeKey: string;
  webhookSecret: string;
  smtpPassword: string;
  /** A credential passed in a URL's query string, under one of the names people use for it. */
  queryName: string;
  queryValue: string;
}

const secrets: fc.Arbitrary<Secrets> = fc.record({
  secretKey: fc.oneof(token, password),
  databasePassword: password,
  redisPassword: password,
  stripeKey: token.map((body) => `sk_live_${body}`),
  webhookSecret: token.map((body) => `whsec_${body}`),
  smtpPassword: password,
  queryName: fc.constantFrom(
    'token',
    'api_key',
    'apikey',
    'access_token',
    'password',
    'auth',
    'secret',
    'credentials',
    'Api-Key',
  ),
  queryValue: token,
});

function variablesWith(values: Secrets, broken: boolean): Variables {
  const encode = encodeURIComponent;
  return {
    ...productionVariables(),
    SECRET_KEY: values.secretKey,
    DATABASE_URL: `postgres://ladder:${encode(values.databasePassword)}@${broken ? 'localhost' : 'db.internal.example.com'}:5432/ladder${broken ? '_dev' : ''}`,
    REDIS_URL: `${broken ? 'http' : 'rediss'}://:${encode(values.redisPassword)}@cache.internal.example.com:6379/0`,
    STRIPE_SECRET_KEY: broken ? values.stripeKey.replace('sk_live_', 'sk_test_') : values.stripeKey,
    STRIPE_WEBHOOK_SECRET: values.webhookSecret,
    SMTP_URL: `smtps://mailer:${encode(values.smtpPassword)}@smtp.example.com:465?${values.queryName}=${values.queryValue}`,
    DEBUG: broken ? 'true' : 'false',
  };
}

/** Every way the package shows configuration to a person or a log. */
function everyOutput(variables: Variables): string[] {
  const folder = temporaryFolder();
  const outputs: string[] = [];
  const inspection = inspect(variables, { envDir: folder });
  outputs.push(
    ...inspection.problems.map(formatProblem),
    ...inspection.warnings.map(formatProblem),
  );
  outputs.push(JSON.stringify(inspection.variables));
  try {
    const config = loadConfig({ env: variables, envDir: folder, cwd: folder });
    outputs.push(
      JSON.stringify(config),
      inspectObject(config, { depth: 10, showHidden: false }),
      JSON.stringify(summarizeConfig(config)),
    );
  } catch (error) {
    outputs.push(String(error), inspectObject(error, { depth: 10 }));
  }
  const file = join(folder, 'candidate.env');
  writeFileSync(
    file,
    Object.entries(variables)
      .map(([name, value]) => `${name}='${value ?? ''}'`)
      .join('\n'),
  );
  for (const command of ['check', 'print']) {
    const lines: string[] = [];
    runCli(
      [command, '--env', 'production', '--env-file', file],
      { out: (line) => lines.push(line), error: (line) => lines.push(line) },
      folder,
      {},
    );
    outputs.push(lines.join('\n'));
  }
  return outputs;
}

function forbiddenFragments(values: Secrets): string[] {
  return [
    values.secretKey,
    values.databasePassword,
    encodeURIComponent(values.databasePassword),
    values.redisPassword,
    encodeURIComponent(values.redisPassword),
    values.stripeKey,
    values.webhookSecret,
    values.smtpPassword,
    encodeURIComponent(values.smtpPassword),
    values.queryValue,
  ];
}

describe('secrets never appear in any output', () => {
  it.each([
    ['a valid configuration', false],
    ['a configuration with problems on the secret variables themselves', true],
  ])('holds for random secrets in %s', (_name, broken) => {
    fc.assert(
      fc.property(secrets, (values) => {
        const outputs = everyOutput(variablesWith(values, broken)).join('\n');
        for (const fragment of forbiddenFragments(values)) expect(outputs).not.toContain(fragment);
      }),
      { numRuns: 60 },
    );
  });
});
