import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What a management route answers: a JSON body, or a text body with its content type, and any headers of its
 * own. A route returns its answer and the server writes it, so no route can half-write a response or forget the
 * hardening headers.
 */
export type ManagementReply = {
  status?: number;
  headers?: Readonly<Record<string, string>>;
} & ({ json: unknown } | { contentType: string; body: string });

/** One management route: GET (and HEAD) on an exact path. */
export type ManagementHandler = (
  request: IncomingMessage,
) => ManagementReply | Promise<ManagementReply>;

/** Headers every management answer carries; a route may replace the CSP (the status page allows its stylesheet). */
const HARDENING_HEADERS = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

const NOT_FOUND: ManagementReply = { status: 404, json: { statusCode: 404, message: 'Not Found' } };

/** Never a stack or an error message: the ops surface reports verdicts, not internals. */
const INTERNAL_ERROR: ManagementReply = {
  status: 500,
  json: { statusCode: 500, message: 'Internal Server Error' },
};

const METHOD_NOT_ALLOWED: ManagementReply = {
  status: 405,
  json: { statusCode: 405, message: 'Method Not Allowed' },
  headers: { allow: 'GET, HEAD' },
};

/** The path a request names, without its query and without a trailing slash (`/health/` is `/health`). */
function pathOf(url = '/'): string {
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function write(response: ServerResponse, reply: ManagementReply, withBody: boolean): void {
  const [contentType, body] =
    'json' in reply
      ? ['application/json; charset=utf-8', JSON.stringify(reply.json)]
      : [reply.contentType, reply.body];
  response.writeHead(reply.status ?? 200, {
    ...HARDENING_HEADERS,
    ...reply.headers,
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
  });
  response.end(withBody ? body : undefined);
}

/**
 * The HTTP server of the ops surface: its own port, its own routes, nothing of the public app's middleware
 * (no Host allowlist, no CORS, no cookies unless a route reads them). Not for the public internet: the Service
 * behind the Ingress never exposes this port. Plain `node:http` rather than a framework: it serves a handful of
 * exact GET paths, and the worker, which has no other HTTP server, would otherwise load Express at every boot.
 */
export class ManagementServer {
  private server: Server | undefined;

  /**
   * `routes` is read on each request, so routes registered after `listen` are served too. `onError` hears of a
   * route that threw (the client only gets a bare 500).
   */
  constructor(
    private readonly routes: ReadonlyMap<string, ManagementHandler>,
    private readonly onError: (error: unknown, path: string) => void = () => undefined,
  ) {}

  /** Listens on every interface (probes come from the node); resolves with the bound port. */
  async listen(port: number): Promise<number> {
    const server = createServer((request, response) => void this.answer(request, response));
    this.server = server;
    server.listen(port);
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

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // A probe sends no body; one that does is read and dropped rather than left in the socket.
    request.resume();
    const path = pathOf(request.url);
    const handler = this.routes.get(path);
    const reading = request.method === 'GET' || request.method === 'HEAD';
    let reply: ManagementReply;
    if (handler === undefined) reply = NOT_FOUND;
    else if (!reading) reply = METHOD_NOT_ALLOWED;
    else {
      try {
        reply = await handler(request);
      } catch (error) {
        this.onError(error, path);
        reply = INTERNAL_ERROR;
      }
    }
    write(response, reply, request.method !== 'HEAD');
  }
}
