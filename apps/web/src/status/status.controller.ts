import { Controller, Get, Header, Req } from '@nestjs/common';
import type { Request } from 'express';
import { LAST_REPORT_COOKIE } from '../reports/reports.controller.js';
import { renderStatusPage } from './status-page.js';
import { StatusService } from './status.service.js';

@Controller()
export class StatusController {
  constructor(private readonly status: StatusService) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async page(@Req() request: Request): Promise<string> {
    const signed = request.signedCookies as Record<string, string | false | undefined>;
    const lastReportId = signed[LAST_REPORT_COOKIE];
    return renderStatusPage(
      await this.status.pageData(typeof lastReportId === 'string' ? lastReportId : undefined),
    );
  }
}
