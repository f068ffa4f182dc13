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

/** A driver opened for a Storage, and what lets go of its connections. */
export interface OpenedDisk {
  disk: Disk;
  close?: () => void;
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
  #opened: Promise<OpenedDisk> | undefined;

  constructor(
    /**
     * Opens the driver, once, on the first call that needs it: the drivers (and the AWS SDK behind S3) are
     * imported then, not when the app starts, which needs none of them to be ready.
     */
    private readonly open: () => Promise<OpenedDisk>,
    /** The environment prefix, e.g. `staging`. */
    readonly prefix: string,
  ) {}

  /** Lets go of the driver's connections (the S3 client's sockets); call once on shutdown. */
  close(): void {
    void this.#opened?.then(({ close }) => close?.());
  }

  async put(key: string, contents: string | Uint8Array, options: PutOptions = {}): Promise<void> {
    const stored = this.#stored(key);
    await (await this.#disk()).put(stored, contents, options);
  }

  async getStream(key: string): Promise<Readable> {
    await this.#mustExist(key);
    return (await this.#disk()).getStream(this.#stored(key));
  }

  async getBytes(key: string): Promise<Uint8Array> {
    await this.#mustExist(key);
    return (await this.#disk()).getBytes(this.#stored(key));
  }

  async contentType(key: string): Promise<string | undefined> {
    await this.#mustExist(key);
    return (await (await this.#disk()).getMetaData(this.#stored(key))).contentType;
  }

  async exists(key: string): Promise<boolean> {
    const stored = this.#stored(key);
    return (await this.#disk()).exists(stored);
  }

  /** Deleting a key that holds nothing is not an error. */
  async delete(key: string): Promise<void> {
    const stored = this.#stored(key);
    await (await this.#disk()).delete(stored);
  }

  /** A download link that stops working after `expiresInSeconds`: an S3 presigned URL, or a signed local link. */
  async signedUrl(key: string, options: SignedUrlOptions = {}): Promise<string> {
    const stored = this.#stored(key);
    return (await this.#disk()).getSignedUrl(stored, {
      expiresIn: options.expiresInSeconds ?? 3600,
    });
  }

  async #disk(): Promise<Disk> {
    // A failed open is not kept: the next call tries again.
    this.#opened ??= this.open().catch((error: unknown) => {
      this.#opened = undefined;
      throw error;
    });
    return (await this.#opened).disk;
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
