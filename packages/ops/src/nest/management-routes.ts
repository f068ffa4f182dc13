import { Injectable } from '@nestjs/common';
import type { ManagementHandler } from '../management-server.js';

/**
 * The management server's routes. The ops module adds liveness and readiness; an app adds what only it has
 * (the web app: worker status and the status page); a metrics module adds `GET /metrics` here the same way.
 */
@Injectable()
export class ManagementRoutes {
  private readonly handlers = new Map<string, ManagementHandler>();

  /** Serves `handler` for GET and HEAD on `path` (an exact path; a trailing slash is ignored). */
  get(path: string, handler: ManagementHandler): void {
    if (this.handlers.has(path)) throw new Error(`management route ${path} is registered twice`);
    this.handlers.set(path, handler);
  }

  /** The routes, read by the server on each request. */
  get table(): ReadonlyMap<string, ManagementHandler> {
    return this.handlers;
  }

  /** Every registered path, for the start-up log line. */
  get registered(): readonly string[] {
    return [...this.handlers.keys()];
  }
}
