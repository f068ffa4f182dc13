import { afterEach, describe, expect, it } from 'vitest';
import { ManagementServer, type ManagementHandler } from './management-server.js';

let server: ManagementServer | undefined;

afterEach(async () => {
  await server?.close();
});

async function start(
  routes: Map<string, ManagementHandler>,
  onError?: (error: unknown, path: string) => void,
): Promise<string> {
  server = new ManagementServer(routes, onError);
  return `http://127.0.0.1:${await server.listen(0)}`;
}

describe('ManagementServer', () => {
  it('serves registered routes, including routes added after it started', async () => {
    const routes = new Map<string, ManagementHandler>();
    const url = await start(routes);
    routes.set('/health', () => ({ json: { status: 'ok' } }));
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('etag')).toBeNull();
  });

  it("answers with a route's status, content type and headers, the hardening headers underneath", async () => {
    const url = await start(
      new Map<string, ManagementHandler>([
        [
          '/',
          () => ({
            status: 503,
            contentType: 'text/html; charset=utf-8',
            body: '<p>é</p>',
            headers: { 'content-security-policy': "default-src 'self'" },
          }),
        ],
      ]),
    );
    const response = await fetch(`${url}/`);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength('<p>é</p>')));
    expect(await response.text()).toBe('<p>é</p>');
  });

  it('matches the path whatever the query string or a trailing slash, and answers HEAD without a body', async () => {
    const url = await start(new Map([['/health', () => ({ json: { status: 'ok' } })]]));
    expect((await fetch(`${url}/health?probe=1`)).status).toBe(200);
    expect((await fetch(`${url}/health/`)).status).toBe(200);
    const head = await fetch(`${url}/health`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers 404 in JSON for anything else, and 405 for a method other than GET on a route', async () => {
    const url = await start(new Map([['/health', () => ({ json: { status: 'ok' } })]]));
    const missing = await fetch(`${url}/metrics`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ statusCode: 404, message: 'Not Found' });
    const posted = await fetch(`${url}/health`, { method: 'POST', body: 'x'.repeat(100_000) });
    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET, HEAD');
  });

  it('never shows an error message or a stack, and reports the failure to its owner', async () => {
    const failures: string[] = [];
    const url = await start(
      new Map([
        ['/boom', () => Promise.reject(new Error('Failed query: select secret from users'))],
      ]),
      (error, path) => failures.push(`${path}: ${(error as Error).message}`),
    );
    const response = await fetch(`${url}/boom`);
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).toBe('{"statusCode":500,"message":"Internal Server Error"}');
    expect(failures).toEqual(['/boom: Failed query: select secret from users']);
  });

  it('refuses a port that is taken with the listen error', async () => {
    const url = await start(new Map());
    const taken = Number(new URL(url).port);
    await expect(new ManagementServer(new Map()).listen(taken)).rejects.toThrow(/EADDRINUSE/);
  });

  it('closes, so nothing answers afterwards', async () => {
    const url = await start(new Map());
    await server?.close();
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });
});
