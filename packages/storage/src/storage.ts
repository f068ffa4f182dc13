import type { Readable } from 'node:stream';
import type { Disk } from 'flydrive';

export interface PutOptions {
  /**
   * Stored with the object on S3. The local driver keeps no metadata and always answers by extension, so give keys
   * the right extension. @default guessed from the key's extension
   */
  contentType?: string;
}

export interface SignedUrlOptions {
  /** How long the link works, in seconds. @default 3600 */
  expiresInSeconds?: number;
}

/** What get/getStream throw for a key that holds no file, so callers can answer 404 instead of 500. */
export class FileNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`no file is stored under "${key}"`);
    this.name = 'FileNotFoundError';
  }
}

/**
 * Files of one environment. Keys are relative ("reports/42.csv"); every key is stored under the environment's
 * prefix ("staging/reports/42.csv"), so environments sharing a bucket or a folder never see each other's files.
 */
export class Storage {
  constructor(
    private readonly disk: Disk,
    /** The environment prefix, e.g. `staging`. */
    readonly prefix: string,
    private readonly release: () => void = () => undefined,
  ) {}

  /** Lets go of the driver's connections (the S3 client's sockets); call once on shutdown. */
  close(): void {
    this.release();
  }

  async put(key: string, contents: string | Uint8Array, options: PutOptions = {}): Promise<void> {
    await this.disk.put(this.#stored(key), contents, options);
  }

  async getStream(key: string): Promise<Readable> {
    await this.#mustExist(key);
    return this.disk.getStream(this.#stored(key));
  }

  async getBytes(key: string): Promise<Uint8Array> {
    await this.#mustExist(key);
    return this.disk.getBytes(this.#stored(key));
  }

  async contentType(key: string): Promise<string | undefined> {
    await this.#mustExist(key);
    return (await this.disk.getMetaData(this.#stored(key))).contentType;
  }

  exists(key: string): Promise<boolean> {
    return this.disk.exists(this.#stored(key));
  }

  /** Deleting a key that holds nothing is not an error. */
  async delete(key: string): Promise<void> {
    await this.disk.delete(this.#stored(key));
  }

  /** A download link that stops working after `expiresInSeconds`: an S3 presigned URL, or a signed local link. */
  signedUrl(key: string, options: SignedUrlOptions = {}): Promise<string> {
    return this.disk.getSignedUrl(this.#stored(key), {
      expiresIn: options.expiresInSeconds ?? 3600,
    });
  }

  /** flydrive rejects any `..` segment in the full key, so a key can never climb out of the prefix. */
  #stored(key: string): string {
    if (key.trim() === '' || key.startsWith('/')) {
      throw new Error(`storage keys are relative paths such as "reports/42.csv", not "${key}"`);
    }
    return `${this.prefix}/${key}`;
  }

  async #mustExist(key: string): Promise<void> {
    if (!(await this.exists(key))) throw new FileNotFoundError(key);
  }
}
