import type { NextFunction, Request, Response } from 'express';
import type { ShutdownService } from './shutdown.service.js';

/**
 * While the app drains, every response carries `Connection: close`, so keep-alive clients (and proxies) open a
 * new connection, which the load balancer sends to a pod that is staying.
 */
export function closeConnectionsWhileDraining(
  shutdown: ShutdownService,
): (request: Request, response: Response, next: NextFunction) => void {
  return (_request, response, next) => {
    if (shutdown.isShuttingDown) response.setHeader('Connection', 'close');
    next();
  };
}
