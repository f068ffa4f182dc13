import { GetObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Config } from '@repo/config';
import { Disk } from 'flydrive';
import { FSDriver } from 'flydrive/drivers/fs';
import { S3Driver } from 'flydrive/drivers/s3';
import { LocalUrlSigner } from './local-url-signer.js';
import { Storage } from './storage.js';

export interface StorageOptions {
  /** The clock that signed links count their expiry from. @default the system clock */
  now?: () => Date;
  /**
   * Extra S3 client settings, e.g. credentials for an S3-compatible server. Without them the AWS SDK's default
   * credential chain applies (instance role, web identity, AWS_* variables). @default none
   */
  s3?: Partial<S3ClientConfig>;
}

/** The parts of the config storage reads. */
export type StorageConfig = Pick<Config, 'appEnv' | 'storage'> & SignerConfig;
type SignerConfig = { security: Pick<Config['security'], 'secretKey'> } & {
  http: Pick<Config['http'], 'publicUrl'>;
};

/** The signer behind the local driver's links; the local-file handler needs the same one to verify them. */
export function localUrlSignerFor(
  config: SignerConfig,
  now: () => Date = () => new Date(),
): LocalUrlSigner {
  return new LocalUrlSigner(config.security.secretKey, config.http.publicUrl, now);
}

/** The storage the configuration asks for: local disk under MEDIA_ROOT, or the S3 bucket. */
export function createStorage(config: StorageConfig, options: StorageOptions = {}): Storage {
  const now = options.now ?? (() => new Date());
  const prefix = config.appEnv;
  if (config.storage.backend === 'local') {
    const signer = localUrlSignerFor(config, now);
    const driver = new FSDriver({
      location: config.storage.mediaRoot,
      visibility: 'private',
      urlBuilder: {
        // The link names the key without its prefix: the handler reads it back through the same Storage.
        generateSignedURL: (key, _path, signed) =>
          Promise.resolve(signer.sign(key.slice(prefix.length + 1), Number(signed.expiresIn))),
      },
    });
    return new Storage(new Disk(driver), prefix);
  }
  const { bucket, region, endpoint } = config.storage.s3;
  if (bucket === undefined || region === undefined) {
    // The config's rules already refuse this; a direct caller gets the same message.
    throw new Error('STORAGE_BACKEND=s3 needs S3_BUCKET and S3_REGION');
  }
  const client = createS3Client(region, endpoint, options.s3);
  return new Storage(new Disk(createS3Driver(client, bucket, now)), prefix, () => client.destroy());
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
