// The local driver, imported by Storage on first use when STORAGE_BACKEND=local.
import { Disk } from 'flydrive';
import { FSDriver } from 'flydrive/drivers/fs';
import type { OpenedDisk } from './storage.js';

/** A flydrive disk on the folder `location`, whose links `sign(key, expiresInSeconds)` makes. */
export function openLocalDisk(
  location: string,
  sign: (key: string, expiresInSeconds: number) => string,
): OpenedDisk {
  const driver = new FSDriver({
    location,
    visibility: 'private',
    urlBuilder: {
      generateSignedURL: (key, _path, signed) =>
        Promise.resolve(sign(key, Number(signed.expiresIn))),
    },
  });
  return { disk: new Disk(driver) };
}
