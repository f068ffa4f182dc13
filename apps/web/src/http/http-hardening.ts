import type { Server } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { isDeployed, type Config } from '@repo/config';
import { assignRequestId } from '@repo/logging';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { ShutdownService } from '../lifecycle/shutdown.service.js';
import { closeConnectionsWhileDraining } from '../lifecycle/connection-close.js';
import { applyBodyParsing } from './body-parsing.js';
import { cookieDefaults } from './cookie-defaults.js';
import { hostAllowlist } from './host-allowlist.js';

/**
 * How often Node checks open connections against the header and request timeouts (its default, 30 s, lets a
 * trickling client hold a connection up to 30 s past the bound).
 */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/**
 * Everything between the socket and the controllers that depends on configuration. Order matters: the request id
 * first (every answer, refusals included, carries it), then the host check, and the body is parsed last.
 */
export function applyHttpHardening(app: NestExpressApplication, config: Config): void {
  const deployed = isDeployed(config.appEnv);
  app.set('trust proxy', config.http.trustProxy);
  app.use(assignRequestId);
  app.use(closeConnectionsWhileDraining(app.get(ShutdownService)));
  app.use(hostAllowlist(config.http.allowedHosts));
  app.use(
    helmet({
      hsts: deployed ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // The public port serves JSON only (the status page and its inline style live on the management port).
          styleSrc: ["'self'"],
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
  applyServerTimeouts(app.getHttpServer(), config);
}

/**
 * Bounds from HTTP_*_TIMEOUT_SECONDS: headers, then the whole request (body included) get 408 and a closed
 * connection when late; idle keep-alive connections outlive the load balancer's, so the proxy closes them first.
 * Set before `listen()`, where Node starts its checking interval.
 */
export function applyServerTimeouts(server: Server, config: Config): void {
  const { headersTimeoutSeconds, requestTimeoutSeconds, keepAliveTimeoutSeconds } = config.http;
  server.headersTimeout = headersTimeoutSeconds * 1000;
  server.requestTimeout = requestTimeoutSeconds * 1000;
  server.keepAliveTimeout = keepAliveTimeoutSeconds * 1000;
  // A documented option of http.createServer, read from the server when it starts listening; @types/node lacks it.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    TIMEOUT_CHECK_INTERVAL_MS;
}
