import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { ReportsRepository, type Report } from '@repo/db';
import { REPORTS_QUEUE, type ReportJobData } from '@repo/queue';
import type { Queue } from 'bullmq';
import type { ReportRequest } from './report-request.schema.js';

/** The example job flow, web side: store the request, enqueue its job, read the outcome. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    @InjectQueue(REPORTS_QUEUE) private readonly queue: Queue<ReportJobData>,
  ) {}

  async request(request: ReportRequest): Promise<Report> {
    const report = await this.reports.create(request);
    try {
      // The report id is the job id: enqueuing the same report twice is a no-op in BullMQ.
      await this.queue.add('generate', { reportId: report.id }, { jobId: report.id });
    } catch (error) {
      await this.reports.fail(report.id, `could not enqueue: ${(error as Error).message}`, true);
      throw new ServiceUnavailableException('The job queue is unavailable; try again shortly.');
    }
    return report;
  }

  find(id: string): Promise<Report | undefined> {
    return this.reports.find(id);
  }
}
