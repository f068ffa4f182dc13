import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { Config } from '@repo/config';
import { InjectConfig } from '@repo/config/nest';
import {
  REPORT_LINK_SECONDS,
  ReportsRepository,
  reportFileKeys,
  type Report,
  type ReportResult,
} from '@repo/db';
import { Mailer, reportReadyMail } from '@repo/mail';
import { REPORT_JOB_OPTIONS, REPORTS_QUEUE, type ReportJobData } from '@repo/queue';
import { Storage } from '@repo/storage';
import { QueueMetrics } from '@repo/telemetry/metrics';
import { DelayedError, type Job, type Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { WorkerStats } from '../heartbeat/worker-stats.js';
import { renderReportFiles } from './report-files.js';
import { generateReport } from './report-generator.js';

/** Simulated work per day of a report's period: a 30-day report takes about 0.6 s. */
const REPORT_DAY_MS = 20;

/** How soon a job cut short by a shutdown becomes available to the next worker. */
const HAND_BACK_DELAY_MS = 500;

/**
 * Runs report jobs. Idempotent: the repository completes a report at most once, so a job that runs again (a
 * retry, a stalled job, a replay after a crash) never applies twice. On shutdown it stops taking jobs, lets
 * running ones finish for SHUTDOWN_TIMEOUT_SECONDS, then hands the rest back to the queue without spending
 * an attempt.
 */
@Processor(REPORTS_QUEUE, { autorun: false })
export class ReportProcessor
  extends WorkerHost
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly stopping = new AbortController();
  /** Reports being generated now, named in the shutdown line so an operator sees what the stop waits for. */
  private readonly running = new Set<string>();

  constructor(
    @InjectConfig() private readonly config: Config,
    private readonly reports: ReportsRepository,
    private readonly stats: WorkerStats,
    private readonly storage: Storage,
    private readonly mailer: Mailer,
    private readonly logger: PinoLogger,
    private readonly queueMetrics: QueueMetrics,
    @InjectQueue(REPORTS_QUEUE) private readonly queue: Queue<ReportJobData>,
  ) {
    super();
    this.logger.setContext(ReportProcessor.name);
  }

  onApplicationBootstrap(): void {
    // @Processor options are fixed at import time; the concurrency comes from the config, so start here.
    this.worker.concurrency = this.config.queue.workerConcurrency;
    this.queueMetrics.observeWorker(this.worker, REPORT_JOB_OPTIONS.attempts ?? 1);
    // The depth by state (waiting, active, delayed, failed) of the queue this worker serves, read at each scrape.
    this.queueMetrics.watchQueue(this.queue);
    this.worker
      .run()
      .catch((error: unknown) => this.logger.error({ err: error }, 'worker stopped unexpectedly'));
  }

  async process(
    job: Job<ReportJobData>,
    token?: string,
  ): Promise<ReportResult | { skipped: string }> {
    const { reportId } = job.data;
    const report = await this.reports.find(reportId);
    // Fail loudly (and retry): a worker pointed at the wrong database must not quietly drop jobs.
    if (!report) throw new Error(`report ${reportId} not found in this database`);
    if (!(await this.reports.start(reportId))) return { skipped: 'already completed' };
    // One line per job at info (the outcome); the start is only worth a line when debugging.
    this.logger.debug({ reportId, attempt: job.attemptsMade + 1 }, 'report started');
    this.running.add(reportId);
    try {
      const result = await generateReport(report, {
        dayMs: REPORT_DAY_MS,
        signal: this.stopping.signal,
        onProgress: (percent) => job.updateProgress(percent),
      });
      // Files first, under fixed keys: a retried job overwrites them, and a completed report always has its files.
      await this.writeFiles(report, result);
      const applied = await this.reports.complete(reportId, result);
      this.stats.jobsDone++;
      this.logger.info({ reportId, applied }, 'report completed');
      if (applied && report.email) await this.mailReady(report, report.email);
      return result;
    } catch (error) {
      if (this.stopping.signal.aborted) {
        await this.reports.interrupt(reportId);
        await job.moveToDelayed(Date.now() + HAND_BACK_DELAY_MS, token);
        this.logger.warn({ reportId }, 'report interrupted by shutdown; handed back to the queue');
        throw new DelayedError();
      }
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.reports.fail(reportId, (error as Error).message, final);
      this.stats.jobsFailed++;
      this.logger.error({ err: error, reportId, final }, 'report failed');
      throw error;
    } finally {
      this.running.delete(reportId);
    }
  }

  private async writeFiles(report: Report, result: ReportResult): Promise<void> {
    const keys = reportFileKeys(report.id);
    const files = renderReportFiles(report, result);
    // Side by side: the two writes are independent, and in turn they would add two round trips to every job.
    await Promise.all([
      this.storage.put(keys.json, files.json, { contentType: 'application/json' }),
      this.storage.put(keys.csv, files.csv, { contentType: 'text/csv; charset=utf-8' }),
    ]);
  }

  /**
   * Sent only by the run that completed the report, so a replayed job mails nobody twice. A failed send is logged,
   * not retried: the report is complete and GET /api/reports/:id still gives its links.
   */
  private async mailReady(report: Report, email: string): Promise<void> {
    try {
      const downloadUrl = await this.storage.signedUrl(reportFileKeys(report.id).csv, {
        expiresInSeconds: REPORT_LINK_SECONDS,
      });
      const expiresAt = new Date(Date.now() + REPORT_LINK_SECONDS * 1000);
      const outcome = await this.mailer.send({
        to: email,
        ...reportReadyMail({ reportId: report.id, downloadUrl, expiresAt }),
      });
      this.logger.info({ reportId: report.id, mail: outcome.status }, 'report ready mail');
    } catch (error) {
      this.logger.error({ err: error, reportId: report.id }, 'report ready mail not sent');
    }
  }

  /** Stops fetching, waits for running jobs, and cuts them short at the deadline. */
  async beforeApplicationShutdown(): Promise<void> {
    const seconds = this.config.lifecycle.shutdownTimeoutSeconds;
    this.logger.info(
      { running: [...this.running], shutdownTimeoutSeconds: seconds },
      'stopping: no new jobs; finishing running jobs',
    );
    const deadline = setTimeout(
      () => this.stopping.abort(new Error(`shutdown deadline of ${seconds}s reached`)),
      seconds * 1000,
    );
    try {
      await this.worker.close();
    } finally {
      clearTimeout(deadline);
    }
  }
}
