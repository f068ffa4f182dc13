import { Writable } from 'node:stream';
import { context, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { loadConfig, type Config } from '@repo/config';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
async function capture() {
  const options = await loggerParams(config(), 'web');
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const { level, base, redact, serializers, hooks, mixin } = options.pinoHttp as pino.LoggerOptions;
  return { logger: pino({ level, base, redact, serializers, hooks, mixin }, sink), lines };
}

describe('loggerParams', () => {
  it('honours LOG_LEVEL and logs JSON to stdout outside development', async () => {
    const params = await loggerParams(config({ LOG_LEVEL: 'warn' }), 'worker');
    expect(Array.isArray(params.pinoHttp)).toBe(false);
    expect((params.pinoHttp as pino.LoggerOptions).level).toBe('warn');
    expect((params.pinoHttp as { transport?: unknown }).transport).toBeUndefined();
  });

  it('logs pretty in development, through a stream in the process rather than a worker-thread transport', async () => {
    const params = await loggerParams(
      config({
        APP_ENV: 'development',
        DATABASE_URL: `postgres://ladder:${DATABASE_PASSWORD}@localhost:5432/ladder_dev`,
      }),
      'web',
    );
    expect(Array.isArray(params.pinoHttp)).toBe(true);
    const [options, stream] = params.pinoHttp as [pino.LoggerOptions, { write: unknown }];
    expect(options.transport).toBeUndefined();
    expect(options.level).toBe('info');
    expect(typeof stream.write).toBe('function');
  });

  it('keeps request headers, and so credentials, out of request logs', async () => {
    const { logger, lines } = await capture();
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

  it('redacts cookies being set and password fields', async () => {
    const { logger, lines } = await capture();
    logger.info(
      { res: { headers: { 'set-cookie': 'sid=xyz' } }, user: { password: 'hunter22' } },
      'response',
    );
    expect(lines[0]).not.toContain('sid=xyz');
    expect(lines[0]).not.toContain('hunter22');
    expect(lines[0]).toContain('[redacted]');
  });

  it('scrubs secret values from messages and errors', async () => {
    const { logger, lines } = await capture();
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

describe('trace ids in log lines', () => {
  // What the tracing SDK installs: without a context manager no span is ever active.
  const manager = new AsyncLocalStorageContextManager();
  beforeAll(() => context.setGlobalContextManager(manager.enable()));
  afterAll(() => {
    manager.disable();
    context.disable();
  });

  const span = trace.wrapSpanContext({
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    spanId: '00f067aa0ba902b7',
    traceFlags: TraceFlags.SAMPLED,
  });

  it('adds trace_id and span_id to every line written inside a span', async () => {
    const { logger, lines } = await capture();
    await context.with(trace.setSpan(ROOT_CONTEXT, span), async () => {
      await Promise.resolve();
      logger.info('report completed');
      logger.child({ reportId: '7' }).warn('slow');
    });
    for (const line of lines)
      expect(JSON.parse(line)).toMatchObject({
        trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
        span_id: '00f067aa0ba902b7',
      });
    expect(lines).toHaveLength(2);
  });

  it('adds no trace fields outside a span', async () => {
    const { logger, lines } = await capture();
    logger.info('started');
    expect(JSON.parse(lines[0] ?? '{}')).not.toHaveProperty('trace_id');
    expect(JSON.parse(lines[0] ?? '{}')).not.toHaveProperty('span_id');
  });
});
