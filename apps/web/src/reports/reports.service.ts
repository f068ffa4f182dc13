import { setTimeout as sleep } from 'node:timers/promises';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { ReportsRepository, type Report } from '@repo/db';
import { REPORTS_QUEUE, type ReportJobData } from '@repo/queue';
import type { Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import type { ReportRequest } from './report-request.schema.js';

/**
 * How long a request waits for its job to reach Redis before answering anyway. The report and its outbox entry
 * are committed by then, so the worker's relay enqueues the job if this process cannot (Redis away, or killed).
 */
const ENQUEUE_WAIT_MS = 2_000;

export interface SubmittedReport {
  report: Report;
  /** False when an earlier request with the same Idempotency-Key created the report. */
  created: boolean;
}

/** The example job flow, web side: store the request, enqueue its job, read the outcome. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    @InjectQueue(REPORTS_QUEUE) private readonly queue: Queue<ReportJobData>,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(ReportsService.name);
  }

  async request(request: ReportRequest, idempotencyKey?: string): Promise<SubmittedReport> {
    const submitted = await this.reports.submit(request, idempotencyKey);
    if (!submitted.created) {
      const { title, periodDays, email } = submitted.report;
      if (
        title !== request.title ||
        periodDays !== request.periodDays ||
        (email ?? undefined) !== request.email
      )
        throw new UnprocessableEntityException(
          'This Idempotency-Key was already used for a different request; use a new key.',
        );
      return submitted;
    }
    await this.enqueue(submitted.report.id);
    return submitted;
  }

  find(id: string): Promise<Report | undefined> {
    return this.reports.find(id);
  }

  /** Enqueues the job (the report id is the job id, so a second add is a no-op) and clears its outbox entry. */
  private async enqueue(reportId: string): Promise<void> {
    const delivery = this.queue
      .add('generate', { reportId }, { jobId: reportId })
      .then(() => this.reports.enqueued(reportId))
      .then(
        () => true,
        (error: unknown) => {
          this.logger.warn({ err: error, reportId }, 'job not enqueued yet; the outbox relay will');
          return false;
        },
      );
    await Promise.race([delivery, sleep(ENQUEUE_WAIT_MS, false, { ref: false })]);
  }
}
