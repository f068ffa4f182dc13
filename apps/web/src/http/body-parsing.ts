import { STATUS_CODES } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { currentTraceId } from '@repo/telemetry/tracing';
import express, { type NextFunction, type Request, type Response } from 'express';

/** The largest JSON body the API accepts; a report request is well under 1 kB. */
export const BODY_LIMIT = '100kb';

/** body-parser's error types, each with a fixed message: its own texts can quote the client's bytes. */
const MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.too.large': `The request body is larger than ${BODY_LIMIT}.`,
  'charset.unsupported': 'The request body must be UTF-8 JSON.',
  'encoding.unsupported': 'The request body uses an unsupported Content-Encoding.',
  'request.aborted': 'The request body was cut short.',
  'request.size.invalid': 'The request body does not match its Content-Length.',
};

interface BodyParserError {
  status?: number;
  type?: string;
}

/**
 * JSON bodies parsed before the routes, with body-parser's errors (malformed JSON, too large, a charset other
 * than UTF-8) answered in the app's error format with the request and trace ids, instead of Express's HTML page.
 */
export function applyBodyParsing(app: NestExpressApplication): void {
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(
    (
      error: BodyParserError,
      request: Request & { id?: string | number },
      response: Response,
      next: NextFunction,
    ) => {
      const message = error.type === undefined ? undefined : MESSAGES[error.type];
      const status = error.status ?? 400;
      if (message === undefined || status < 400 || status >= 500) return next(error);
      response.status(status).json({
        statusCode: status,
        error: STATUS_CODES[status],
        message,
        requestId: request.id === undefined ? undefined : String(request.id),
        traceId: currentTraceId(),
      });
    },
  );
}
