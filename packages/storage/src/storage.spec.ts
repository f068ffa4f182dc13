import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLocalDisk } from './local-disk.js';
import { Storage, type OpenedDisk } from './storage.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'ladder-storage-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A Storage over a temporary folder that counts how often its driver is opened and closed. */
function countingStorage(failures = 0) {
  const counts = { opened: 0, closed: 0 };
  let failuresLeft = failures;
  const storage = new Storage(async () => {
    await Promise.resolve();
    counts.opened++;
    if (failuresLeft-- > 0) throw new Error('driver unavailable');
    const opened: OpenedDisk = openLocalDisk(folder, (key) => `signed:${key}`);
    return { ...opened, close: () => void counts.closed++ };
  }, 'test');
  return { storage, counts };
}

describe('Storage', () => {
  it('opens its driver on first use, once, however many calls arrive together', async () => {
    const { storage, counts } = countingStorage();
    expect(counts.opened).toBe(0);
    await Promise.all([
      storage.put('reports/1.csv', 'a'),
      storage.put('reports/2.csv', 'b'),
      storage.exists('reports/3.csv'),
    ]);
    expect(await storage.getBytes('reports/2.csv')).toEqual(new TextEncoder().encode('b'));
    expect(counts.opened).toBe(1);
  });

  it('tries to open again after an open failed, rather than failing for ever', async () => {
    const { storage, counts } = countingStorage(1);
    await expect(storage.put('reports/1.csv', 'a')).rejects.toThrow('driver unavailable');
    await storage.put('reports/1.csv', 'a');
    expect(await storage.exists('reports/1.csv')).toBe(true);
    expect(counts.opened).toBe(2);
  });

  it('closes an opened driver, and has nothing to close when it never opened one', async () => {
    const unused = countingStorage();
    unused.storage.close();
    await Promise.resolve();
    expect(unused.counts).toEqual({ opened: 0, closed: 0 });

    const used = countingStorage();
    await used.storage.put('reports/1.csv', 'a');
    used.storage.close();
    await new Promise((resolve) => setImmediate(resolve));
    expect(used.counts).toEqual({ opened: 1, closed: 1 });
  });

  it('refuses a key that is not a relative path before opening anything', async () => {
    const { storage, counts } = countingStorage();
    await expect(storage.exists('/etc/passwd')).rejects.toThrow(/relative paths/);
    expect(counts.opened).toBe(0);
  });
});
