import { randomBytes, randomUUID } from 'node:crypto';
import {
  appCommand,
  createDatabaseNamed,
  createTestDatabase,
  runOnStackNetwork,
  testSecretKey,
} from '@repo/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { request } from './support/http.js';
import { startWeb, stopAll, type WebProcess } from './support/processes.js';

const HOST = 'staging.example.com';
const ORIGIN = `https://${HOST}`;
let staging: Awaited<ReturnType<typeof runOnStackNetwork>>;
let stagingUrl: string;
let development: WebProcess;

/**
 * The web app in staging mode with the real staging rules: it runs in a container on the compose network, so
 * Postgres and Redis are `postgres` and `redis`, not loopback. Its database is deliberately left unmigrated, so
 * reading a report fails inside the app: a genuine internal error.
 */
beforeAll(async () => {
  const stack = inject('stack');
  const name = `probe_${randomBytes(3).toString('hex')}_staging`;
  await createDatabaseNamed(stack.postgresAdminUrl, name);
  staging = await runOnStackNetwork({
    network: stack.network,
    command: appCommand('web'),
    ports: [3000],
    readyLog: /web listening on/,
    environment: {
      APP_ENV: 'staging',
      DATABASE_URL: `postgres://ladder:${stack.postgresPassword}@postgres:5432/${name}`,
      REDIS_URL: 'redis://redis:6379/0',
      QUEUE_PREFIX: `ladder-staging-${randomBytes(3).toString('hex')}`,
      SECRET_KEY: testSecretKey(),
      PUBLIC_URL: ORIGIN,
      ALLOWED_HOSTS: HOST,
      CORS_ALLOWED_ORIGINS: ORIGIN,
    },
  });
  stagingUrl = `http://${staging.getHost()}:${staging.getMappedPort(3000)}`;
  development = await startWeb('web-development', {
    APP_ENV: 'development',
    DATABASE_URL: await createTestDatabase(stack.postgresAdminUrl, 'probe_dev'),
    REDIS_URL: stack.redisUrl,
    QUEUE_PREFIX: `ladder-dev-${randomBytes(3).toString('hex')}`,
    SECRET_KEY: testSecretKey(),
  });
});

afterAll(async () => {
  await staging?.stop({ timeout: 10_000 });
  await stopAll();
});

describe('host allowlist', () => {
  it('answers 400 to a Host outside ALLOWED_HOSTS', async () => {
    const response = await request(`${stagingUrl}/`, { headers: { host: 'evil.example.net' } });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ message: 'Host not allowed' });
  });

  it('serves an allowed Host', async () => {
    // The public port has no page at /: the status page lives on the management port.
    expect((await request(`${stagingUrl}/`, { headers: { host: HOST } })).status).toBe(404);
  });

  it('serves no health check on the public port and exempts no path from the Host check: probes use the management port', async () => {
    expect((await request(`${stagingUrl}/health/ready`, { headers: { host: HOST } })).status).toBe(
      404,
    );
    const byAddress = await request(`${stagingUrl}/health/ready`, {
      headers: { host: '10.0.3.7:3000' },
    });
    expect(byAddress.status).toBe(400);
    expect(byAddress.json()).toMatchObject({ message: 'Host not allowed' });
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    request(`${stagingUrl}/api/reports`, {
      method: 'OPTIONS',
      headers: { host: HOST, origin, 'access-control-request-method': 'POST' },
    });

  it('grants an allowed origin', async () => {
    const response = await preflight(ORIGIN);
    expect(response.headers['access-control-allow-origin']).toBe(ORIGIN);
  });

  it('grants nothing to a foreign origin', async () => {
    const response = await preflight('https://evil.example.net');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('errors', () => {
  it('returns no stack trace or internals for an internal error in staging', async () => {
    const response = await request(`${stagingUrl}/api/reports/${randomUUID()}`, {
      headers: { host: HOST },
    });
    expect(response.status).toBe(500);
    const body = response.json();
    expect(body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong. Quote the request id when you report it.',
      requestId: response.headers['x-request-id'],
    });
    expect(response.body).not.toMatch(/stack|relation|\.js:\d+/);
  });

  it('shows the detail and stack of the same error in development', async () => {
    const response = await request(`${development.url}/api/reports/${randomUUID()}`);
    expect(response.status).toBe(500);
    const body = response.json<{ detail: string; stack: string }>();
    expect(body.detail).toContain('Failed query');
    expect(body.stack).toContain('at ');
  });
});

describe('security headers', () => {
  it('sends HSTS in staging and not in development', async () => {
    const stagingResponse = await request(`${stagingUrl}/`, { headers: { host: HOST } });
    expect(stagingResponse.headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
    const developmentResponse = await request(`${development.url}/`);
    expect(developmentResponse.headers['strict-transport-security']).toBeUndefined();
  });

  it('echoes a well-formed request id and replaces a malformed one', async () => {
    const kept = await request(`${stagingUrl}/`, {
      headers: { host: HOST, 'x-request-id': 'trace-42' },
    });
    expect(kept.headers['x-request-id']).toBe('trace-42');
    const replaced = await request(`${stagingUrl}/`, {
      headers: { host: HOST, 'x-request-id': 'bad id <script>' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
