import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

/** s3rver's built-in account: its server checks every signature against this secret. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface S3Server {
  /** `http://<host>:<port>`, for S3_ENDPOINT. */
  endpoint: string;
  /** Every key in the bucket, read through the S3 API as a client sees them. */
  keys(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * A real S3-protocol server in this process, on a free port, with `bucket` created. `host` is the address to
 * listen on and to name in `endpoint`: an app in a container reaches the test process at its network's gateway
 * (see `networkGateway`). Its clock is this process's, so a test can move it past a link's expiry.
 */
export async function startS3Server(
  bucket: string,
  options: { host?: string } = {},
): Promise<S3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'ladder-s3-'));
  const server = new S3rver({
    address: options.host ?? '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { address, port } = await server.run();
  const endpoint = `http://${address}:${port}`;
  return {
    endpoint,
    keys: async () => {
      const client = new S3Client({
        region: 'us-east-1',
        endpoint,
        forcePathStyle: true,
        credentials: S3RVER_CREDENTIALS,
      });
      try {
        const listing = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
        return (listing.Contents ?? []).map((object) => object.Key ?? '');
      } finally {
        client.destroy();
      }
    },
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
