// The S3 driver, imported by Storage on first use when STORAGE_BACKEND=s3: a process on local storage never
// loads the AWS SDK, and one on S3 loads it when it first reads or writes a file, not at start.
import { GetObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Disk } from 'flydrive';
import { S3Driver } from 'flydrive/drivers/s3';
import type { OpenedDisk } from './storage.js';

export interface S3DiskSettings {
  bucket: string;
  region: string;
  /** An S3-compatible server's URL; absent for AWS itself. */
  endpoint: string | undefined;
  /** The clock that presigned links count their expiry from. */
  now: () => Date;
  /** Extra S3 client settings (e.g. credentials for an S3-compatible server). */
  overrides?: Partial<S3ClientConfig> | undefined;
}

/** A flydrive disk on the bucket, and what lets go of its client's sockets. */
export function openS3Disk(settings: S3DiskSettings): OpenedDisk {
  const client = createS3Client(settings.region, settings.endpoint, settings.overrides);
  return {
    disk: new Disk(createS3Driver(client, settings.bucket, settings.now)),
    close: () => client.destroy(),
  };
}

function createS3Client(
  region: string,
  endpoint: string | undefined,
  overrides: Partial<S3ClientConfig> = {},
): S3Client {
  return new S3Client({
    region,
    ...(endpoint !== undefined
      ? {
          endpoint,
          // S3-compatible servers (MinIO, R2, s3rver) address buckets by path, and many reject the CRC32
          // checksums AWS SDK v3 adds to every request by default since 3.729.
          forcePathStyle: true,
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }
      : {}),
    ...overrides,
  });
}

function createS3Driver(client: S3Client, bucket: string, now: () => Date): S3Driver {
  return new S3Driver({
    client,
    bucket,
    visibility: 'private',
    // Buckets made since 2023 have ACLs disabled (bucket owner enforced) and refuse requests that set one.
    supportsACL: false,
    urlBuilder: {
      // Presigned here rather than by flydrive so the expiry counts from the injected clock.
      generateSignedURL: (_key, input, signingClient, expiresIn) =>
        getSignedUrl(signingClient, new GetObjectCommand(input), {
          expiresIn: Number(expiresIn),
          signingDate: now(),
        }),
    },
  });
}
