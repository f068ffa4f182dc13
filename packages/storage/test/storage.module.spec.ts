import 'reflect-metadata';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfigModule } from '@repo/config/nest';
import { Test } from '@nestjs/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalUrlSigner, Storage } from '../src/index.js';
import { StorageModule } from '../src/nest/index.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'ladder-storage-module-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function compile(variables: Record<string, string>) {
  return Test.createTestingModule({
    imports: [
      AppConfigModule.forRoot({ load: { env: variables, envDir: folder, cwd: folder } }),
      StorageModule,
    ],
  }).compile();
}

describe('StorageModule', () => {
  it('gives a development app local storage under MEDIA_ROOT, with links its signer accepts', async () => {
    const moduleRef = await compile({
      APP_ENV: 'development',
      DATABASE_URL: 'postgres://ladder:ladder@localhost:5432/ladder_dev',
      REDIS_URL: 'redis://localhost:6379/0',
      SECRET_KEY: 'dev-only-secret',
      MEDIA_ROOT: 'media',
      PUBLIC_URL: 'http://localhost:3000',
    });
    const storage = moduleRef.get(Storage);
    await storage.put('reports/1.json', '[]');

    expect(await readFile(join(folder, 'media/development/reports/1.json'), 'utf8')).toBe('[]');
    const link = new URL(await storage.signedUrl('reports/1.json', { expiresInSeconds: 60 }));
    expect(link.origin).toBe('http://localhost:3000');
    const check = moduleRef
      .get(LocalUrlSigner)
      .verify(
        'reports/1.json',
        link.searchParams.get('expires'),
        link.searchParams.get('signature'),
      );
    expect(check).toBe('valid');
    await moduleRef.close();
  });
});
