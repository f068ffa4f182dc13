import type { RequestHandler } from 'express';

/** Echoes `pnpm dev`'s run id on every response (see packages/dev-stack/src/readiness.ts). */
export function devRunHeader(runId: string): RequestHandler {
  return (_request, response, next) => {
    response.setHeader('x-dev-run', runId);
    next();
  };
}
