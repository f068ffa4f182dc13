import { hostMatcher } from '@repo/config';
import type { NextFunction, Request, Response } from 'express';

/**
 * Answers 400 to any Host outside ALLOWED_HOSTS, which blocks DNS rebinding and host-header injection (password
 * reset links, cache poisoning). Nothing on the public port is exempt: probes use the management port, which has
 * no Host check. Behind a trusted proxy, Express reads X-Forwarded-Host.
 */
export function hostAllowlist(
  allowed: readonly string[],
): (request: Request, response: Response, next: NextFunction) => void {
  const isAllowed = hostMatcher(allowed);
  return (request, response, next) => {
    const hostname = request.hostname as string | undefined;
    if (hostname !== undefined && isAllowed(hostname)) return next();
    response
      .status(400)
      .json({ statusCode: 400, error: 'Bad Request', message: 'Host not allowed' });
  };
}
