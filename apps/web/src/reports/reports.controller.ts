import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  UseGuards,
} from '@nestjs/common';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { REPORT_LINK_SECONDS, reportFileKeys, type Report } from '@repo/db';
import { Storage } from '@repo/storage';
import type { Response } from 'express';
import { RATE_LIMITS } from '../rate-limit/rate-limit.module.js';
import { reportRequestSchema, type ReportRequest } from './report-request.schema.js';
import { parseIdempotencyKey } from './idempotency-key.js';
import { ReportsService } from './reports.service.js';
import { ZodBodyPipe } from './zod-body.pipe.js';

/** The browser remembers its last report (signed cookie) so the status page can show it. */
export const LAST_REPORT_COOKIE = 'ladder_last_report';

/** Signed download links of a completed report's files; none before it completes. */
async function downloads(
  storage: Storage,
  report: Report,
): Promise<{ json: string; csv: string; expiresInSeconds: number } | undefined> {
  if (report.status !== 'completed') return undefined;
  const keys = reportFileKeys(report.id);
  const options = { expiresInSeconds: REPORT_LINK_SECONDS };
  return {
    json: await storage.signedUrl(keys.json, options),
    csv: await storage.signedUrl(keys.csv, options),
    expiresInSeconds: REPORT_LINK_SECONDS,
  };
}

function present(report: Report, download?: Awaited<ReturnType<typeof downloads>>) {
  return {
    id: report.id,
    title: report.title,
    periodDays: report.periodDays,
    status: report.status,
    attempts: report.attempts,
    result: report.result,
    error: report.error,
    createdAt: report.createdAt,
    startedAt: report.startedAt,
    completedAt: report.completedAt,
    links: { self: `/api/reports/${report.id}`, ...(download && { download }) },
  };
}

@Controller('api/reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly storage: Storage,
  ) {}

  @Post()
  @HttpCode(202)
  @UseGuards(ThrottlerGuard)
  @Throttle({ reports: RATE_LIMITS.reports })
  async create(
    @Body(new ZodBodyPipe(reportRequestSchema)) body: ReportRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReturnType<typeof present>> {
    const { report, created } = await this.reports.request(
      body,
      parseIdempotencyKey(idempotencyKey),
    );
    // A retry with the same key gets the original report, marked so the client can tell.
    if (!created) response.setHeader('Idempotent-Replayed', 'true');
    response.location(`/api/reports/${report.id}`);
    response.cookie(LAST_REPORT_COOKIE, report.id, { maxAge: 24 * 3600 * 1000 });
    return present(report);
  }

  @Get(':id')
  async find(
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
  ): Promise<ReturnType<typeof present>> {
    const report = await this.reports.find(id);
    if (!report) throw new NotFoundException(`No report ${id}`);
    return present(report, await downloads(this.storage, report));
  }
}
