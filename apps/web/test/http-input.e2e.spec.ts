import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { createTestDatabase, testSecretKey, waitFor } from '@repo/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { request } from './support/http.js';
import {
  runMigrations,
  startWeb,
  stopAll,
  type Variables,
  type WebProcess,
} from './support/processes.js';

let variables: Variables;
let web: WebProcess;

beforeAll(async () => {
  const stack = inject('stack');
  variables = {
    APP_ENV: 'test',
    DATABASE_URL: await createTestDatabase(stack.postgresAdminUrl, 'http_input'),
    REDIS_URL: stack.redisUrl,
    QUEUE_PREFIX: `ladder-test-${randomBytes(4).toString('hex')}`,
    SECRET_KEY: testSecretKey(),
    LOG_LEVEL: 'info',
    HTTP_HEADERS_TIMEOUT_SECONDS: '2',
    HTTP_REQUEST_TIMEOUT_SECONDS: '3',
  };
  const migrated = runMigrations(variables);
  expect(migrated.code, migrated.output).toBe(0);
  web = await startWeb('web-input', variables);
});

afterAll(async () => {
  await stopAll();
});

/** Writes raw bytes to the web app and collects everything it answers until it closes the connection. */
function rawExchange(
  url: string,
  write: (socket: Socket, stopped: () => boolean) => Promise<void>,
): Promise<{ answer: string; closedWhileSending: boolean }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    let closed = false;
    let sending = true;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
      resolve({ answer, closedWhileSending: sending });
    });
    socket.on('connect', () => {
      write(socket, () => closed)
        .then(() => {
          sending = false;
          socket.end();
        })
        .catch(reject);
    });
  });
}

/** Sends `text` one byte at a time, 250 ms apart (~4 bytes/s), until done or the server closes the connection. */
async function trickle(socket: Socket, text: string, stopped: () => boolean): Promise<void> {
  for (const byte of text) {
    if (stopped()) return;
    socket.write(byte);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const json = (response: { body: string }) =>
  JSON.parse(response.body) as { statusCode: number; message: string; requestId?: string };

describe('bad input', () => {
  it('refuses a NUL byte in the title with a 400 naming the field, and logs no SQL', async () => {
    const response = await request(`${web.url}/api/reports`, {
      method: 'POST',
      rawBody: '{"title":"a\\u0000b","periodDays":1}',
    });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({
      issues: [{ path: 'title', message: 'must not contain NUL characters' }],
      requestId: response.headers['x-request-id'],
    });
    expect(web.process.output()).not.toMatch(/insert into|Failed query/i);
  });

  it('refuses invalid Unicode (a lone surrogate) with a 400 naming the field', async () => {
    const response = await request(`${web.url}/api/reports`, {
      method: 'POST',
      rawBody: '{"title":"a\\ud800b","periodDays":1}',
    });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ issues: [{ path: 'title' }] });
  });

  it.each([
    ['malformed JSON', '{"title":', {}, 400, 'The request body is not valid JSON.'],
    [
      'a body over the limit',
      JSON.stringify({ title: 'x'.repeat(200_000), periodDays: 1 }),
      {},
      413,
      'The request body is larger than 100kb.',
    ],
    [
      'a charset other than UTF-8',
      '{"title":"caf\u00e9","periodDays":1}',
      { 'content-type': 'application/json; charset=latin1' },
      415,
      'The request body must be UTF-8 JSON.',
    ],
  ])(
    'answers %s in the app error format with the request id',
    async (_name, rawBody, headers, status, message) => {
      const response = await request(`${web.url}/api/reports`, {
        method: 'POST',
        rawBody,
        headers,
      });
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toContain('application/json');
      expect(json(response)).toEqual({
        statusCode: status,
        error: expect.any(String),
        message,
        requestId: response.headers['x-request-id'],
      });
    },
  );

  it('refuses a malformed Idempotency-Key with a 400 naming the header', async () => {
    const response = await request(`${web.url}/api/reports`, {
      method: 'POST',
      body: { title: 'Keyed', periodDays: 1 },
      headers: { 'idempotency-key': 'has spaces in it' },
    });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ issues: [{ path: 'Idempotency-Key' }] });
  });
});

describe('server timeouts', () => {
  it('answers 408 and closes a connection whose body trickles past HTTP_REQUEST_TIMEOUT_SECONDS', async () => {
    const body = JSON.stringify({ title: 'slow body', periodDays: 1 }).padEnd(60, ' ');
    const { answer, closedWhileSending } = await rawExchange(web.url, async (socket, stopped) => {
      socket.write(
        `POST /api/reports HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
      );
      // 60 bytes at ~4 bytes/s would take 15 s: the 3 s bound must cut it off first.
      await trickle(socket, body, stopped);
    });
    expect(closedWhileSending).toBe(true);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('answers 408 and closes a connection whose headers trickle past HTTP_HEADERS_TIMEOUT_SECONDS', async () => {
    const { answer, closedWhileSending } = await rawExchange(web.url, async (socket, stopped) => {
      await trickle(
        socket,
        `GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ${'a'.repeat(60)}`,
        stopped,
      );
    });
    expect(closedWhileSending).toBe(true);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('keeps idle connections for HTTP_KEEP_ALIVE_TIMEOUT_SECONDS, above a load balancer idle timeout', async () => {
    const response = await request(`${web.url}/health`, { headers: { connection: 'keep-alive' } });
    expect(response.headers['keep-alive']).toBe('timeout=65');
  });
});

describe('draining', () => {
  it('answers with Connection: close while draining, so keep-alive clients move to another pod', async () => {
    const draining = await startWeb('web-draining-close', {
      ...variables,
      // Far longer than the 3 s wait below, so a slow machine cannot miss the window.
      SHUTDOWN_DRAIN_SECONDS: '8',
    });
    // A report of this app to read back: the public port serves the API only.
    const created = await request(`${draining.url}/api/reports`, {
      method: 'POST',
      rawBody: '{"title":"Draining","periodDays":1}',
    });
    expect(created.status).toBe(202);
    const reportUrl = `${draining.url}/api/reports/${created.json<{ id: string }>().id}`;
    const before = await request(reportUrl, { headers: { connection: 'keep-alive' } });
    expect(before.headers.connection).toBe('keep-alive');
    draining.process.signal('SIGTERM');
    const during = await waitFor(
      async () => {
        const response = await request(reportUrl, { headers: { connection: 'keep-alive' } });
        return response.headers.connection === 'close' ? response : undefined;
      },
      { timeoutMs: 3_000, intervalMs: 50, description: 'Connection: close while draining' },
    );
    expect(during.status).toBe(200);
    expect(await draining.process.exited).toEqual({ code: 0, signal: null });
  });
});
