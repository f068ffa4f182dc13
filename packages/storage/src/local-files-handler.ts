import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { LocalUrlSigner } from './local-url-signer.js';
import type { Storage } from './storage.js';

export type LocalFilesHandler = (
  request: IncomingMessage,
  response: ServerResponse,
) => Promise<void>;

function reply(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(`${text}\n`);
}

/**
 * Serves the local driver's signed links. Mount it at LOCAL_FILES_PATH while STORAGE_BACKEND=local
 * (`app.use(LOCAL_FILES_PATH, handler)`): with S3, links are presigned URLs and nothing should serve files from
 * the app's disk. Files are sent as attachments with nosniff, so a stored HTML file never runs on the app's
 * origin.
 */
export function createLocalFilesHandler(
  storage: Storage,
  signer: LocalUrlSigner,
): LocalFilesHandler {
  return async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      reply(response, 405, 'Method not allowed');
      return;
    }
    // Mounted under a path, Express hands over the rest of the URL: "/reports/42.csv?expires=…".
    const url = new URL(request.url ?? '/', 'http://local');
    let key: string;
    try {
      key = url.pathname.slice(1).split('/').map(decodeURIComponent).join('/');
    } catch {
      reply(response, 400, 'Malformed file link');
      return;
    }
    const check = signer.verify(
      key,
      url.searchParams.get('expires'),
      url.searchParams.get('signature'),
    );
    if (check === 'invalid') {
      reply(response, 403, 'This file link is not valid');
      return;
    }
    if (check === 'expired') {
      reply(response, 410, 'This file link has expired; request a new one');
      return;
    }
    if (!(await storage.exists(key))) {
      reply(response, 404, 'The file no longer exists');
      return;
    }
    response.writeHead(200, {
      'content-type': (await storage.contentType(key)) ?? 'application/octet-stream',
      'content-disposition': `attachment; filename="${basename(key).replace(/[^\w.-]/g, '_')}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    await pipeline(await storage.getStream(key), response);
  };
}
