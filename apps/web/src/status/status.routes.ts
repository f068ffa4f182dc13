import { createHash } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Config } from '@repo/config';
import { InjectConfig } from '@repo/config/nest';
import { ManagementRoutes } from '@repo/ops/nest';
import type { IncomingMessage } from 'node:http';
import { parseCookie } from 'cookie';
import { signedCookie } from 'cookie-parser';
import { LAST_REPORT_COOKIE } from '../reports/reports.controller.js';
import { STATUS_PAGE_CSS } from './status-page.css.js';
import { renderStatusPage } from './status-page.js';
import { StatusService } from './status.service.js';

/** The page's only style is inline: allow exactly that stylesheet, by its hash, and nothing else. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STATUS_PAGE_CSS).digest('base64')}'`,
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the status page at `/` of the management port: it lists every user's recent reports, versions and
 * worker fingerprints, so it is for operators, never for the public port. The signed "last report" cookie is
 * shared with the public port (cookies ignore ports), so the visitor's own report is still highlighted.
 */
@Injectable()
export class StatusRoutes implements OnModuleInit {
  constructor(
    @InjectConfig() private readonly config: Config,
    private readonly routes: ManagementRoutes,
    private readonly status: StatusService,
  ) {}

  onModuleInit(): void {
    this.routes.get('/', async (request) => {
      const data = await this.status.pageData(this.lastReportId(request));
      return {
        contentType: 'text/html; charset=utf-8',
        body: renderStatusPage(data),
        headers: { 'content-security-policy': CONTENT_SECURITY_POLICY },
      };
    });
  }

  /** The visitor's last report, from the cookie the public port signed; nothing when absent or forged. */
  private lastReportId(request: IncomingMessage): string | undefined {
    const value = parseCookie(request.headers.cookie ?? '')[LAST_REPORT_COOKIE];
    if (value === undefined) return undefined;
    const verified = signedCookie(value, this.config.security.secretKey);
    return typeof verified === 'string' && verified !== value ? verified : undefined;
  }
}
