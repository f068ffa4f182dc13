import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLocalFilesHandler,
  createStorage,
  FileNotFoundError,
  LOCAL_FILES_PATH,
  localUrlSignerFor,
  type Storage,
} from '../src/index.js';

const HOUR = 60 * 60 * 1000;
const SECRET_KEY = 'dev-only-secret';

let mediaRoot: string;
let server: Server;
let publicUrl: string;

function developmentConfig(secretKey = SECRET_KEY) {
  return {
    appEnv: 'development' as const,
    storage: {
      backend: 'local' as const,
      mediaRoot,
      allowLocal: false,
      s3: { bucket: undefined, region: undefined, endpoint: undefined },
    },
    security: { secretKey },
    http: { publicUrl },
  };
}

function developmentStorage(now?: () => Date): Storage {
  return createStorage(developmentConfig(), now ? { now } : {});
}

beforeAll(async () => {
  mediaRoot = await mkdtemp(join(tmpdir(), 'ladder-media-'));
  // The web app's set-up in development: the handler mounted on an Express app.
  const app = express();
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  publicUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app.use(
    LOCAL_FILES_PATH,
    createLocalFilesHandler(developmentStorage(), localUrlSignerFor(developmentConfig())),
  );
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(mediaRoot, { recursive: true, force: true });
});

describe('the local driver', () => {
  it('writes files under MEDIA_ROOT in the environment folder, and reads, checks and deletes them', async () => {
    const storage = developmentStorage();
    await storage.put('reports/42.json', '{"total":3}');

    expect(await readFile(join(mediaRoot, 'development/reports/42.json'), 'utf8')).toBe(
      '{"total":3}',
    );
    expect(await storage.exists('reports/42.json')).toBe(true);
    expect(Buffer.from(await storage.getBytes('reports/42.json')).toString()).toBe('{"total":3}');

    await storage.delete('reports/42.json');
    expect(await storage.exists('reports/42.json')).toBe(false);
    await expect(storage.getStream('reports/42.json')).rejects.toBeInstanceOf(FileNotFoundError);
  });

  it('refuses keys that leave the environment folder', async () => {
    const storage = developmentStorage();
    await expect(storage.put('../outside.txt', 'x')).rejects.toThrow();
    await expect(storage.put('/etc/passwd', 'x')).rejects.toThrow(/relative paths/);
  });
});

describe('signed links to local files', () => {
  it('download the file as an attachment through the handler', async () => {
    const storage = developmentStorage();
    await storage.put('reports/7.csv', 'id,total\n7,3\n');
    const link = await storage.signedUrl('reports/7.csv', { expiresInSeconds: 300 });

    expect(link.startsWith(`${publicUrl}${LOCAL_FILES_PATH}/reports/7.csv?`)).toBe(true);
    const response = await fetch(link);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('id,total\n7,3\n');
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="7.csv"');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('stop working once their expiry has passed', async () => {
    await developmentStorage().put('reports/8.csv', 'id\n8\n');
    // Signed two hours ago for one hour: expired an hour ago.
    const link = await developmentStorage(() => new Date(Date.now() - 2 * HOUR)).signedUrl(
      'reports/8.csv',
      { expiresInSeconds: 3600 },
    );

    const response = await fetch(link);
    expect(response.status).toBe(410);
    expect(await response.text()).toContain('expired');
  });

  it('are refused when the key, the expiry or the signature is changed', async () => {
    const storage = developmentStorage();
    await storage.put('reports/9.csv', 'id\n9\n');
    await storage.put('reports/10.csv', 'id\n10\n');
    const link = new URL(await storage.signedUrl('reports/9.csv', { expiresInSeconds: 300 }));
    const expires = link.searchParams.get('expires') ?? '';

    const otherKey = new URL(link);
    otherKey.pathname = `${LOCAL_FILES_PATH}/reports/10.csv`;
    const longer = new URL(link);
    longer.searchParams.set('expires', String(Number(expires) + 86_400));
    const unsigned = new URL(link);
    unsigned.searchParams.delete('signature');

    for (const tampered of [otherKey, longer, unsigned]) {
      const response = await fetch(tampered);
      expect(response.status).toBe(403);
      expect(await response.text()).toBe('This file link is not valid\n');
    }
  });

  it('are refused when signed with another SECRET_KEY', async () => {
    await developmentStorage().put('reports/11.csv', 'id\n11\n');
    const foreign = createStorage(developmentConfig('another-secret-key'));
    const response = await fetch(await foreign.signedUrl('reports/11.csv'));
    expect(response.status).toBe(403);
  });

  it('answer 404 for a file deleted after the link was made', async () => {
    const storage = developmentStorage();
    await storage.put('reports/12.csv', 'id\n12\n');
    const link = await storage.signedUrl('reports/12.csv');
    await storage.delete('reports/12.csv');

    expect((await fetch(link)).status).toBe(404);
  });
});
