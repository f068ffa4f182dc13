import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ReportsRepository } from '@repo/db';
import { REPORTS_QUEUE, type ReportJobData } from '@repo/queue';
import type { Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';

/**
 * An outbox entry this old is an orphan: the web request that wrote it enqueues within a couple of seconds or
 * has died (or Redis was away). Younger entries are left to their request, which avoids racing it.
 */
const OUTBOX_RELAY_AFTER_MS = 10_000;

/** How often the relay looks for orphans; an orphan waits at most this plus the bound above. */
const OUTBOX_RELAY_INTERVAL_MS = 5_000;

/** Entries per pass, so one pass holds its row locks briefly even after a long Redis outage. */
const OUTBOX_RELAY_BATCH = 500;

/**
 * Enqueues the jobs of reports whose web request never did (the transactional outbox's relay). The job id is the
 * report id, so a job that is already in the queue is left as it is; several workers share the work through
 * row locks.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly reports: ReportsRepository,
    @InjectQueue(REPORTS_QUEUE) private readonly queue: Queue<ReportJobData>,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(OutboxRelayService.name);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.relay().finally(() => (this.running = undefined));
    }, OUTBOX_RELAY_INTERVAL_MS);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass: every due entry, in batches. Failures are logged and retried on the next pass. */
  async relay(): Promise<void> {
    try {
      let relayed: string[];
      do {
        relayed = await this.reports.relayOutbox(
          OUTBOX_RELAY_AFTER_MS,
          OUTBOX_RELAY_BATCH,
          async (reportId) => {
            await this.queue.add('generate', { reportId }, { jobId: reportId });
          },
        );
        if (relayed.length > 0)
          this.logger.warn({ count: relayed.length }, 'enqueued jobs of reports left without one');
      } while (relayed.length === OUTBOX_RELAY_BATCH);
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox relay pass failed; retrying on the next pass');
    }
  }
}
