import { createHmac, timingSafeEqual } from 'node:crypto';

/** Where the web app mounts the local-file handler; signed local links point here. */
export const LOCAL_FILES_PATH = '/files';

export type SignatureCheck = 'valid' | 'expired' | 'invalid';

/**
 * Signed download links for the local driver, the stand-in for S3 presigned URLs: an HMAC over key and expiry,
 * keyed by a key derived from SECRET_KEY (never SECRET_KEY itself, so a leak of one use reveals nothing of the
 * others).
 */
export class LocalUrlSigner {
  readonly #key: Buffer;

  constructor(
    secretKey: string,
    private readonly publicUrl: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.#key = createHmac('sha256', secretKey).update('ladder/storage/signed-urls').digest();
  }

  /** An absolute link to `key` (without the environment prefix) that works for `expiresInSeconds`. */
  sign(key: string, expiresInSeconds: number): string {
    const expires = Math.floor(this.now().getTime() / 1000) + expiresInSeconds;
    const path = key.split('/').map(encodeURIComponent).join('/');
    const url = new URL(`${LOCAL_FILES_PATH}/${path}`, this.publicUrl);
    url.searchParams.set('expires', String(expires));
    url.searchParams.set('signature', this.#signature(key, expires));
    return url.toString();
  }

  /** Checks a link's parts; expiry is only reported for an otherwise genuine signature. */
  verify(key: string, expires: string | null, signature: string | null): SignatureCheck {
    if (expires === null || signature === null || !/^\d{1,12}$/.test(expires)) return 'invalid';
    const expected = Buffer.from(this.#signature(key, Number(expires)));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    return Number(expires) * 1000 <= this.now().getTime() ? 'expired' : 'valid';
  }

  #signature(key: string, expires: number): string {
    return createHmac('sha256', this.#key).update(`${key}\n${expires}`).digest('base64url');
  }
}
