import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { SECRETS } from '../src/testing/test-config.js';
import { spansOf, startCollector } from '@repo/testing';

const run = promisify(execFile);
const fixtures = join(import.meta.dirname, 'fixtures');

/** Runs the fixture app with tracing started by `node --import`, as the apps start it. */
async function runTracedApp(
  variables: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ traceId: string | null; meterProvider: string }> {
  const argument = JSON.stringify({
    APP_ENV: 'test',
    DATABASE_URL: `postgres://ladder:${SECRETS.databasePassword}@127.0.0.1:1/ladder_test`,
    REDIS_URL: `redis://:${SECRETS.redisPassword}@127.0.0.1:1/0`,
    SECRET_KEY: SECRETS.secretKey,
    ...variables,
  });
  const { stdout } = await run(
    process.execPath,
    [
      '--import',
      join(fixtures, 'start-tracing.mjs'),
      join(fixtures, 'traced-app.mjs'),
      argument,
      JSON.stringify(headers),
    ],
    { cwd: fixtures, timeout: 110_000 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
    traceId: string | null;
    meterProvider: string;
  };
}

/** Runs the fixture app against a fresh collector; returns what the handler saw and what was exported. */
async function traceOneRequest(
  variables: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const collector = await startCollector();
  try {
    const { traceId, meterProvider } = await runTracedApp(
      { TRACES_OTLP_ENDPOINT: collector.url, ...variables },
      headers,
    );
    return { traceId, meterProvider, bodies: collector.bodies, ...spansOf(collector.bodies) };
  } finally {
    collector.server.close();
  }
}

// Each case starts a Node process; on a busy 2-core machine that can take many seconds.
const PROCESS_TIMEOUT = 120_000;

describe('startTracing with the OTLP exporter', () => {
  let exported: Awaited<ReturnType<typeof traceOneRequest>>;
  beforeAll(async () => {
    exported = await traceOneRequest({ TRACES_EXPORTER: 'otlp' });
  }, PROCESS_TIMEOUT);

  it('exports the HTTP, pg and ioredis spans of one request as one trace, whose id the handler sees', () => {
    const { spans, traceId } = exported;
    const server = spans.find(
      (span) => span.scope === '@opentelemetry/instrumentation-http' && span.kind === 2,
    );
    expect(server).toBeDefined();
    expect(traceId).toBe(server?.traceId);
    const inRequest = spans.filter((span) => span.traceId === traceId).map((span) => span.scope);
    expect(inRequest).toEqual(
      expect.arrayContaining([
        '@opentelemetry/instrumentation-pg',
        '@opentelemetry/instrumentation-ioredis',
      ]),
    );
  });

  it('starts no OpenTelemetry metrics: the instrumentations record no histogram per request or query', () => {
    // The apps' metrics come from prom-client; an SDK meter provider would measure every request a second time
    // and push the result to an OTLP endpoint nobody configured.
    expect(exported.meterProvider).toBe('NoopMeterProvider');
  });

  it('names the app and its environment on every span', () => {
    expect(exported.resources.length).toBeGreaterThan(0);
    for (const resource of exported.resources) {
      expect(resource).toMatchObject({
        'service.name': 'ladder-web',
        'deployment.environment.name': 'test',
      });
    }
  });

  it('never exports a configured secret in any span or resource attribute', () => {
    const body = exported.bodies.join('\n');
    expect(body).toContain('db.system.name');
    for (const secret of Object.values(SECRETS)) expect(body).not.toContain(secret);
  });
});

describe('startTracing without export', () => {
  it(
    'records nothing and shows no trace id with TRACES_EXPORTER=none',
    async () => {
      const { traceId, bodies } = await traceOneRequest({ TRACES_EXPORTER: 'none' });
      expect(traceId).toBeNull();
      expect(bodies).toEqual([]);
    },
    PROCESS_TIMEOUT,
  );

  it(
    'exports no span at a sampling ratio of 0, yet still gives the request a trace id for its log lines',
    async () => {
      const { traceId, spans } = await traceOneRequest({
        TRACES_EXPORTER: 'otlp',
        TRACES_SAMPLE_RATIO: '0',
      });
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(spans).toEqual([]);
    },
    PROCESS_TIMEOUT,
  );

  it(
    "lets no client force recording with a sampled traceparent, while keeping the client's trace id",
    async () => {
      const clientTraceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      const { traceId, spans } = await traceOneRequest(
        { TRACES_EXPORTER: 'otlp', TRACES_SAMPLE_RATIO: '0' },
        { traceparent: `00-${clientTraceId}-00f067aa0ba902b7-01` },
      );
      expect(traceId).toBe(clientTraceId);
      expect(spans).toEqual([]);
    },
    PROCESS_TIMEOUT,
  );
});
