import { randomBytes } from 'node:crypto';
import { claimRedisEnvironment, createRedis } from '@repo/queue';
import {
  appCommand,
  createTestDatabase,
  freePort,
  isolatedEnvironment,
  startProcess,
  testSecretKey,
} from '@repo/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runMigrations, started, stopAll, type Variables } from './support/processes.js';

let testVariables: Variables;

beforeAll(async () => {
  const stack = inject('stack');
  testVariables = {
    APP_ENV: 'test',
    DATABASE_URL: await createTestDatabase(stack.postgresAdminUrl, 'guard'),
    REDIS_URL: stack.redisUrl,
    QUEUE_PREFIX: `ladder-${randomBytes(4).toString('hex')}`,
    SECRET_KEY: testSecretKey(),
  };
  expect(runMigrations(testVariables).code).toBe(0);
});

afterAll(stopAll);

/** Starts an app as a real process and waits for it to exit on its own. */
async function exitOf(app: 'web' | 'worker', variables: Variables) {
  const running = startProcess(app, process.execPath, appCommand(app), {
    env: isolatedEnvironment({ PORT: String(await freePort()), ...variables }),
  });
  started.push(running);
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 20_000));
  const exit = await Promise.race([running.exited, timeout]);
  return { exit, output: running.output() };
}

describe('a database stamped by another environment', () => {
  it.each(['web', 'worker'] as const)(
    'stops %s from starting, naming both environments',
    async (app) => {
      const { exit, output } = await exitOf(app, {
        ...testVariables,
        APP_ENV: 'development',
        QUEUE_PREFIX: undefined,
      });
      // The exact exit: undefined (still running when the wait ended) or a signal fails here.
      expect(exit).toEqual({ code: 1, signal: null });
      expect(output).toContain(`${app} refused to start`);
      expect(output).toContain(
        'the database belongs to APP_ENV=test, but this process runs as APP_ENV=development',
      );
    },
  );

  it('stops db:migrate too', () => {
    const result = runMigrations({
      ...testVariables,
      APP_ENV: 'development',
      QUEUE_PREFIX: undefined,
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      'belongs to APP_ENV=test, but this process runs as APP_ENV=development',
    );
  });
});

describe('a queue prefix stamped by another environment', () => {
  it('stops the web app from starting', async () => {
    const shared = `ladder-shared-${randomBytes(3).toString('hex')}`;
    const redis = createRedis(inject('stack').redisUrl, 'guard-test');
    try {
      await claimRedisEnvironment(redis, shared, 'development');
    } finally {
      await redis.quit();
    }
    const { exit, output } = await exitOf('web', { ...testVariables, QUEUE_PREFIX: shared });
    expect(exit).toEqual({ code: 1, signal: null });
    expect(output).toContain(
      `Redis (queue prefix ${shared}) belongs to APP_ENV=development, but this process runs as APP_ENV=test`,
    );
  });
});

describe('an invalid configuration', () => {
  it('stops the web app with every problem listed and no secret shown', async () => {
    const { exit, output } = await exitOf('web', {
      ...testVariables,
      PORT: 'eighty',
      QUEUE_PREFIX: 'ladder-production',
      DEBUG: 'perhaps',
    });
    expect(exit).toEqual({ code: 1, signal: null });
    expect(output).toContain('web refused to start');
    expect(output).toMatch(/^ {2}DEBUG \[boolean\]/m);
    expect(output).toMatch(/^ {2}PORT \[integer\]/m);
    expect(output).toMatch(/^ {2}QUEUE_PREFIX \[resource-environment\]/m);
    expect(output).not.toContain(testVariables.SECRET_KEY);
    expect(output).not.toContain(inject('stack').postgresPassword);
  });
});
