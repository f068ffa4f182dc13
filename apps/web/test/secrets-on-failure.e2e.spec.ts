import { randomBytes } from 'node:crypto';
import {
  appCommand,
  createTestDatabase,
  freePort,
  isolatedEnvironment,
  startProcess,
  testSecretKey,
  type RunningProcess,
} from '@repo/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runMigrations, started, stopAll, type Variables } from './support/processes.js';

/** Passwords that must never be printed; long and unusual so a match cannot be a coincidence. */
const WRONG_DATABASE_PASSWORD = `wrong-db-${randomBytes(8).toString('hex')}`;
const WRONG_REDIS_PASSWORD = `wrong-redis-${randomBytes(8).toString('hex')}`;
const REDIS_PASSWORD = `right-redis-${randomBytes(8).toString('hex')}`;

let variables: Variables;
let redisUrl: string;
let redis: RunningProcess;

/**
 * A Redis that requires a password (the compose stack's does not): a local redis-server, as CI installs one.
 */
beforeAll(async () => {
  const port = await freePort();
  redis = startProcess(
    'redis-with-password',
    'redis-server',
    ['--port', String(port), '--requirepass', REDIS_PASSWORD, '--save', '', '--appendonly', 'no'],
    { env: isolatedEnvironment({}) },
  );
  await redis.waitForLine(/Ready to accept connections/);
  redisUrl = `redis://127.0.0.1:${port}`;
  const stack = inject('stack');
  variables = {
    APP_ENV: 'test',
    DATABASE_URL: await createTestDatabase(stack.postgresAdminUrl, 'secrets'),
    REDIS_URL: `redis://:${REDIS_PASSWORD}@127.0.0.1:${port}`,
    QUEUE_PREFIX: `ladder-test-${randomBytes(4).toString('hex')}`,
    SECRET_KEY: testSecretKey(),
    LOG_LEVEL: 'info',
  };
  const migrated = runMigrations(variables);
  expect(migrated.code, migrated.output).toBe(0);
});

afterAll(async () => {
  await stopAll();
  await redis.stop();
});

/** Starts an app as a real process and waits for it to exit on its own. */
async function exitOf(app: 'web' | 'worker', overrides: Variables) {
  const running = startProcess(app, process.execPath, appCommand(app), {
    env: isolatedEnvironment({ ...variables, PORT: String(await freePort()), ...overrides }),
  });
  started.push(running);
  return { exit: await running.exited, lines: running.lines.filter((line) => line !== '') };
}

function withPassword(url: string, password: string): string {
  const parsed = new URL(url);
  parsed.password = password;
  return parsed.toString();
}

const failures = [
  {
    name: 'a wrong Redis password',
    overrides: () => ({ REDIS_URL: withPassword(redisUrl, WRONG_REDIS_PASSWORD) }),
    reason:
      /failed to start: Redis at \S+ refused the credentials: WRONGPASS .* Fix: check the password in REDIS_URL/,
  },
  {
    name: 'a wrong database password',
    overrides: () => ({
      DATABASE_URL: withPassword(variables.DATABASE_URL ?? '', WRONG_DATABASE_PASSWORD),
    }),
    reason:
      /failed to start: The database at \S+ refused the connection: password authentication failed for user "\w+"\. Fix: check the user, password and database name in DATABASE_URL/,
  },
];

describe.each(['web', 'worker'] as const)('%s started with bad credentials', (app) => {
  it.each(failures)(
    'exits 1 on $name with one clear JSON line and no password',
    async (failure) => {
      const { exit, lines } = await exitOf(app, failure.overrides());
      expect(exit).toEqual({ code: 1, signal: null });
      // Every line on stdout and stderr is JSON, Nest's own included.
      const entries = lines.map((line) => JSON.parse(line) as { level: number; msg?: string });
      const fatal = entries.filter((entry) => entry.level === 60);
      expect(fatal, lines.join('\n')).toHaveLength(1);
      expect(fatal[0]?.msg).toMatch(new RegExp(`^${app} ${failure.reason.source}`));
      const output = lines.join('\n');
      for (const password of [WRONG_DATABASE_PASSWORD, WRONG_REDIS_PASSWORD, REDIS_PASSWORD])
        expect(output).not.toContain(password);
    },
  );
});
