import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage, FileNotFoundError, type Storage } from '../src/index.js';
import { S3RVER_CREDENTIALS, startS3Server, type S3Server } from '@repo/testing/s3';

const BUCKET = 'ladder-media-staging';
const HOUR = 60 * 60 * 1000;

let server: S3Server;
const opened: Storage[] = [];

function stagingStorage(now?: () => Date): Storage {
  const storage = createStorage(
    {
      appEnv: 'staging',
      storage: {
        backend: 's3',
        mediaRoot: '/nonexistent',
        allowLocal: false,
        s3: { bucket: BUCKET, region: 'eu-west-1', endpoint: server.endpoint },
      },
      security: { secretKey: 'unused-by-the-s3-driver' },
      http: { publicUrl: 'https://staging.example.com' },
    },
    { s3: { credentials: S3RVER_CREDENTIALS }, ...(now ? { now } : {}) },
  );
  opened.push(storage);
  return storage;
}

beforeAll(async () => {
  server = await startS3Server(BUCKET);
});

afterAll(async () => {
  for (const storage of opened) storage.close();
  await server.close();
});

describe('the S3 driver against an S3-protocol server', () => {
  it('stores, streams, checks and deletes a file under the staging prefix', async () => {
    const storage = stagingStorage();
    await storage.put('reports/42.json', '{"total":3}', { contentType: 'application/json' });

    expect(await server.keys()).toContain('staging/reports/42.json');
    expect(await storage.exists('reports/42.json')).toBe(true);
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.getStream('reports/42.json'))
      chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('{"total":3}');

    await storage.delete('reports/42.json');
    expect(await storage.exists('reports/42.json')).toBe(false);
    expect(await server.keys()).not.toContain('staging/reports/42.json');
  });

  it('reports a missing file as FileNotFoundError', async () => {
    await expect(stagingStorage().getStream('reports/none.json')).rejects.toBeInstanceOf(
      FileNotFoundError,
    );
  });

  it('refuses a key that climbs out of the environment prefix', async () => {
    await expect(stagingStorage().put('../production/x.json', '{}')).rejects.toThrow();
    expect(await server.keys()).not.toContain('production/x.json');
  });

  it('gives a presigned link that downloads the file without credentials', async () => {
    const storage = stagingStorage();
    await storage.put('reports/7.csv', 'id,total\n7,3\n');
    const link = await storage.signedUrl('reports/7.csv', { expiresInSeconds: 300 });

    expect(new URL(link).pathname).toBe(`/${BUCKET}/staging/reports/7.csv`);
    const response = await fetch(link);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('id,total\n7,3\n');
  });

  it('gives a link that no longer works once its expiry has passed', async () => {
    await stagingStorage().put('reports/8.csv', 'id\n8\n');
    // Signed two hours ago for one hour: expired an hour ago.
    const link = await stagingStorage(() => new Date(Date.now() - 2 * HOUR)).signedUrl(
      'reports/8.csv',
      { expiresInSeconds: 3600 },
    );

    const response = await fetch(link);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Request has expired');
  });
});
