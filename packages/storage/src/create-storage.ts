import type { S3ClientConfig } from '@aws-sdk/client-s3';
import type { Config } from '@repo/config';
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

/**
 * The storage the configuration asks for: local disk under MEDIA_ROOT, or the S3 bucket. Its driver is imported
 * on first use (see Storage), the AWS SDK only for S3: they are among the largest modules either app loads, and
 * neither app needs them to start.
 */
export function createStorage(config: StorageConfig, options: StorageOptions = {}): Storage {
  const now = options.now ?? (() => new Date());
  const prefix = config.appEnv;
  if (config.storage.backend === 'local') {
    const signer = localUrlSignerFor(config, now);
    const location = config.storage.mediaRoot;
    return new Storage(async () => {
      const { openLocalDisk } = await import('./local-disk.js');
      // The link names the key without its prefix: the handler reads it back through the same Storage.
      return openLocalDisk(location, (key, expiresInSeconds) =>
        signer.sign(key.slice(prefix.length + 1), expiresInSeconds),
      );
    }, prefix);
  }
  const { bucket, region, endpoint } = config.storage.s3;
  if (bucket === undefined || region === undefined) {
    // The config's rules already refuse this; a direct caller gets the same message.
    throw new Error('STORAGE_BACKEND=s3 needs S3_BUCKET and S3_REGION');
  }
  return new Storage(async () => {
    const { openS3Disk } = await import('./s3-disk.js');
    return openS3Disk({ bucket, region, endpoint, now, overrides: options.s3 });
  }, prefix);
}
