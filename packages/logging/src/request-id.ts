import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

type IdentifiedRequest = IncomingMessage & { id?: unknown };

const SAFE_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Keeps a well-formed incoming `x-request-id` (from a proxy or the caller) so one id follows a request across
 * services; anything else gets a fresh UUID. The id is echoed in the response header.
 */
export function requestIdFor(request: IncomingMessage, response: ServerResponse): string {
  const incoming = request.headers['x-request-id'];
  const id = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader('x-request-id', id);
  return id;
}

/**
 * Express middleware giving the request its id before anything can refuse it (host check, body parsing), so
 * every error body quotes one; the request logger then keeps that id.
 */
export function assignRequestId(
  request: IdentifiedRequest,
  response: ServerResponse,
  next: () => void,
): void {
  request.id ??= requestIdFor(request, response);
  next();
}
