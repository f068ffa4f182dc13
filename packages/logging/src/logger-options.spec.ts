import { Writable } from 'node:stream';
import { loadConfig, type Config } from '@repo/config';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerParams } from './logger-options.js';

const SECRET_KEY = 'Zk4Wq9Rt2Yp7Mn5Bv8Cx3Ls6Lk1Hg0FdSa';
const DATABASE_PASSWORD = 'db-Pa55-w0rd-Q9x';

function config(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    env: {
      APP_ENV: 'test',
      DATABASE_URL: `postgres://ladder:${DATABASE_PASSWORD}@localhost:5432/ladder_test`,
      REDIS_URL: 'redis://localhost:6379',
      SECRET_KEY,
      LOG_LEVEL: 'info',
      ...overrides,
    },
    envDir: '/nonexistent',
  });
}

/** A pino logger built from the same options the apps use, writing JSON lines into an array. */
function capture(options = loggerParams(config(), 'web')) {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const { level, base, redact, serializers, hooks } = options.pinoHttp as pino.LoggerOptions;
  return { logger: pino({ level, base, redact, serializers, hooks }, sink), lines };
}

describe('loggerParams', () => {
  it('honours LOG_LEVEL and logs JSON outside development', () => {
    const params = loggerParams(config({ LOG_LEVEL: 'warn' }), 'worker');
    expect((params.pinoHttp as pino.LoggerOptions).level).toBe('warn');
    expect((params.pinoHttp as { transport?: unknown }).transport).toBeUndefined();
  });

  it('logs pretty in development', () => {
    const params = loggerParams(
      config({
        APP_ENV: 'development',
        DATABASE_URL: `postgres://ladder:${DATABASE_PASSWORD}@localhost:5432/ladder_dev`,
      }),
      'web',
    );
    expect((params.pinoHttp as { transport?: { target: string } }).transport?.target).toBe(
      'pino-pretty',
    );
  });

  it('keeps request headers, and so credentials, out of request logs', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        req: {
          id: 'r1',
          method: 'GET',
          url: '/',
          headers: { authorization: 'Bearer abc.def', cookie: 'sid=xyz' },
        },
      },
      'request',
    );
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      req: { id: 'r1', method: 'GET', url: '/' },
    });
    expect(lines[0]).not.toContain('abc.def');
    expect(lines[0]).not.toContain('sid=xyz');
  });

  it('redacts cookies being set and password fields', () => {
    const { logger, lines } = capture();
    logger.info(
      { res: { headers: { 'set-cookie': 'sid=xyz' } }, user: { password: 'hunter22' } },
      'response',
    );
    expect(lines[0]).not.toContain('sid=xyz');
    expect(lines[0]).not.toContain('hunter22');
    expect(lines[0]).toContain('[redacted]');
  });

  it('scrubs secret values from messages and errors', () => {
    const { logger, lines } = capture();
    logger.warn(`connecting with ${SECRET_KEY}`);
    logger.error(
      { err: new Error(`auth failed for postgres://ladder:${DATABASE_PASSWORD}@db/app`) },
      'query failed',
    );
    const text = lines.join('\n');
    expect(text).not.toContain(SECRET_KEY);
    expect(text).not.toContain(DATABASE_PASSWORD);
    expect(text).toContain('****');
  });
});
