import { hostMatcher } from '@repo/config';
import type { NextFunction, Request, Response } from 'express';

/**
 * Answers 400 to any Host outside ALLOWED_HOSTS, which blocks DNS rebinding and host-header injection (password
 * reset links, cache poisoning). Health checks are exempt: load balancers probe by IP or internal name, and the
 * health endpoints reflect nothing from the Host header. Behind a trusted proxy, Express reads X-Forwarded-Host.
 */
export function hostAllowlist(
  allowed: readonly string[],
): (request: Request, response: Response, next: NextFunction) => void {
  const isAllowed = hostMatcher(allowed);
  return (request, response, next) => {
    if (request.path === '/health' || request.path.startsWith('/health/')) return next();
    const hostname = request.hostname as string | undefined;
    if (hostname !== undefined && isAllowed(hostname)) return next();
    response
      .status(400)
      .json({ statusCode: 400, error: 'Bad Request', message: 'Host not allowed' });
  };
}
