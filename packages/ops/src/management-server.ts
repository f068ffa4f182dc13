import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, {
  type ErrorRequestHandler,
  type Express,
  type RequestHandler,
  type Router,
} from 'express';

/** Headers every management answer carries; a route may replace the CSP (the status page allows its stylesheet). */
const HARDENING_HEADERS = Object.entries({
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
});

// Straight to Node's setHeader: probes hit this many times a second, and Express's `set` re-checks each value.
const hardening: RequestHandler = (_request, response, next) => {
  for (const [name, value] of HARDENING_HEADERS) response.setHeader(name, value);
  next();
};

const notFound: RequestHandler = (_request, response) => {
  response.status(404).json({ statusCode: 404, message: 'Not Found' });
};

/** Never a stack or an error message: the ops surface reports verdicts, not internals. */
const internalError: ErrorRequestHandler = (_error, _request, response, _next) => {
  response.status(500).json({ statusCode: 500, message: 'Internal Server Error' });
};

/**
 * The HTTP server of the ops surface: its own port, its own routes, nothing of the public app's middleware
 * (no Host allowlist, no CORS, no cookies unless a route asks). Not for the public internet: the Service behind
 * the Ingress never exposes this port.
 */
export class ManagementServer {
  private readonly app: Express = express();
  private server: Server | undefined;

  constructor(routes: Router) {
    this.app.disable('x-powered-by');
    // Every answer is `no-store`, so an ETag would never be used: no hash of each probe's body.
    this.app.disable('etag');
    this.app.use(hardening, routes, notFound, internalError);
  }

  /** Listens on every interface (probes come from the node); resolves with the bound port. */
  async listen(port: number): Promise<number> {
    const server = this.app.listen(port);
    this.server = server;
    await Promise.race([
      once(server, 'listening'),
      once(server, 'error').then(([error]) => Promise.reject(error as Error)),
    ]);
    return (server.address() as AddressInfo).port;
  }

  /** Stops accepting connections and ends idle keep-alive ones, so shutdown never waits on a probe's socket. */
  async close(): Promise<void> {
    const server = this.server;
    if (!server?.listening) return;
    const closed = once(server, 'close');
    server.close();
    server.closeIdleConnections();
    await closed;
  }
}
