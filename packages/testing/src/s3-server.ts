import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/** s3rver's built-in account: its server checks every signature against this secret. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface S3Server {
  /** `http://<host>:<port>`, for S3_ENDPOINT. */
  endpoint: string;
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
  return {
    endpoint: `http://${address}:${port}`,
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
