import { createHash } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { isDeployed, type Config } from '@repo/config';
import { assignRequestId } from '@repo/logging';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { STATUS_PAGE_CSS } from '../status/status-page.css.js';
import { applyBodyParsing } from './body-parsing.js';
import { cookieDefaults } from './cookie-defaults.js';
import { hostAllowlist } from './host-allowlist.js';

/** Above the 60 s idle timeout of common load balancers, so the proxy, not Node, closes idle connections. */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * Everything between the socket and the controllers that depends on configuration. Order matters: the request id
 * first (every answer, refusals included, carries it), then the host check, and the body is parsed last.
 */
export function applyHttpHardening(app: NestExpressApplication, config: Config): void {
  const deployed = isDeployed(config.appEnv);
  app.set('trust proxy', config.http.trustProxy);
  app.use(assignRequestId);
  app.use(hostAllowlist(config.http.allowedHosts));
  app.use(
    helmet({
      hsts: deployed ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // The status page's only style is inline; allow exactly that stylesheet by its hash.
          styleSrc: [
            "'self'",
            `'sha256-${createHash('sha256').update(STATUS_PAGE_CSS).digest('base64')}'`,
          ],
          upgradeInsecureRequests: deployed ? [] : null,
        },
      },
    }),
  );
  app.use(cookieParser(config.security.secretKey));
  app.use(cookieDefaults(config.http.sessionCookieSecure));
  const allowAnyOrigin = config.http.corsAllowedOrigins.includes('*');
  const allowedOrigins = new Set(config.http.corsAllowedOrigins);
  app.enableCors({
    // A foreign origin gets no Access-Control-Allow-Origin, so the browser blocks it.
    origin: (origin, callback) =>
      callback(null, origin !== undefined && (allowAnyOrigin || allowedOrigins.has(origin))),
    credentials: !allowAnyOrigin,
    exposedHeaders: ['x-request-id'],
  });
  applyBodyParsing(app);
  const server = app.getHttpServer();
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  server.requestTimeout = 30_000;
}
