import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Progress } from './progress.js';
import { DEV_RUN_HEADER, waitUntilReady } from './readiness.js';

let server: Server | undefined;
let requests = 0;

async function serve(headers: Record<string, string>): Promise<string> {
  requests = 0;
  server = createServer((_request, response) => {
    requests += 1;
    response.writeHead(200, headers).end('{"status":"ok"}');
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server?.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

const quiet = new Progress(() => undefined);
const nothingPending = (): undefined => undefined;

describe('waitUntilReady', () => {
  it('never takes another server that answers 200 on the port for the app it started', async () => {
    const url = await serve({});
    const waiting = waitUntilReady(url, 'run-1', [url], quiet, nothingPending, () =>
      requests >= 3 ? 'gave up after three answers' : undefined,
    );
    await expect(waiting).rejects.toThrow('gave up after three answers');
  });

  it('is ready once the answer echoes this run id', async () => {
    const url = await serve({ [DEV_RUN_HEADER]: 'run-1' });
    await expect(
      waitUntilReady(url, 'run-1', [url], quiet, nothingPending, () => undefined),
    ).resolves.toBeUndefined();
  });

  it('waits for pending work (the watchers’ first pass) after the apps answer', async () => {
    const url = await serve({ [DEV_RUN_HEADER]: 'run-1' });
    const waiting = waitUntilReady(
      url,
      'run-1',
      [url],
      quiet,
      () => (requests < 6 ? 'compilers still on the first pass' : undefined),
      () => undefined,
    );
    await expect(waiting).resolves.toBeUndefined();
    expect(requests).toBeGreaterThanOrEqual(6);
  });

  it('does not accept the echo of an earlier run', async () => {
    const url = await serve({ [DEV_RUN_HEADER]: 'run-0' });
    const waiting = waitUntilReady(url, 'run-1', [url], quiet, nothingPending, () =>
      requests >= 2 ? 'stopped' : undefined,
    );
    await expect(waiting).rejects.toThrow('stopped');
  });
});
