import { Router } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { ManagementServer } from './management-server.js';

let server: ManagementServer | undefined;

afterEach(async () => {
  await server?.close();
});

async function start(router: Router): Promise<string> {
  server = new ManagementServer(router);
  return `http://127.0.0.1:${await server.listen(0)}`;
}

describe('ManagementServer', () => {
  it('serves registered routes, including routes added after it started', async () => {
    const router = Router();
    const url = await start(router);
    router.get('/health', (_request, response) => void response.json({ status: 'ok' }));
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('etag')).toBeNull();
  });

  it('answers 404 in JSON for anything else', async () => {
    const url = await start(Router());
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ statusCode: 404, message: 'Not Found' });
  });

  it('never shows an error message or a stack', async () => {
    const router = Router();
    router.get('/boom', () => {
      throw new Error('Failed query: select secret from users');
    });
    const url = await start(router);
    const response = await fetch(`${url}/boom`);
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).not.toContain('select');
    expect(body).not.toContain('at ');
  });

  it('refuses a port that is taken with the listen error', async () => {
    const url = await start(Router());
    const taken = Number(new URL(url).port);
    await expect(new ManagementServer(Router()).listen(taken)).rejects.toThrow(/EADDRINUSE/);
  });

  it('closes, so nothing answers afterwards', async () => {
    const url = await start(Router());
    await server?.close();
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });
});
