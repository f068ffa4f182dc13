import { createHash } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Config } from '@repo/config';
import { InjectConfig } from '@repo/config/nest';
import { ManagementRoutes } from '@repo/ops/nest';
import cookieParser from 'cookie-parser';
import type { Request, Response } from 'express';
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
    this.routes.get(
      '/',
      cookieParser(this.config.security.secretKey),
      async (request: Request, response: Response) => {
        const signed = request.signedCookies as Record<string, string | false | undefined>;
        const lastReportId = signed[LAST_REPORT_COOKIE];
        const data = await this.status.pageData(
          typeof lastReportId === 'string' ? lastReportId : undefined,
        );
        response
          .type('html')
          .set('content-security-policy', CONTENT_SECURITY_POLICY)
          .send(renderStatusPage(data));
      },
    );
  }
}
