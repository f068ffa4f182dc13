import { Injectable } from '@nestjs/common';
import { Router, type RequestHandler } from 'express';

/**
 * The management server's routes. The ops module adds liveness and readiness; an app adds what only it has
 * (the web app: worker status and the status page); a metrics module adds `GET /metrics` here the same way.
 */
@Injectable()
export class ManagementRoutes {
  readonly router: Router = Router();
  private readonly paths: string[] = [];

  get(path: string, ...handlers: RequestHandler[]): void {
    this.router.get(path, ...handlers);
    this.paths.push(path);
  }

  /** Every registered path, for the start-up log line. */
  get registered(): readonly string[] {
    return this.paths;
  }
}
