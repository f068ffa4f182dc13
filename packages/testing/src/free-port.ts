import { createServer } from 'node:net';

/** Listens on `port` (0: any) on every interface and closes again; the port that was bound, if it could be. */
function listenOn(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(undefined));
    server.listen(port, () => {
      const address = server.address();
      server.close(() =>
        resolve(typeof address === 'object' && address !== null ? address.port : undefined),
      );
    });
  });
}

/** Whether nothing listens on `port` right now, on any interface. */
export async function isPortFree(port: number): Promise<boolean> {
  return (await listenOn(port)) !== undefined;
}

/** A TCP port nothing listens on right now, on any interface (so it is free on 127.0.0.1 too). */
export async function freePort(): Promise<number> {
  const port = await listenOn(0);
  if (port === undefined) throw new Error('no free TCP port');
  return port;
}
