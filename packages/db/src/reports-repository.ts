import { and, asc, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { COMPLETE_REPORT, START_REPORT } from './report-statements.js';
import {
  reportEvents,
  reportOutbox,
  reports,
  type Report,
  type ReportEvent,
  type ReportResult,
} from './schema/index.js';

/** What a client asks for when it requests a report. */
export interface ReportRequest {
  title: string;
  periodDays: number;
  /** Mailed a download link once the report is complete. */
  email?: string;
}

/** Every database operation of the example job flow, shared by the web app (create, read) and the worker. */
export class ReportsRepository {
  /**
   * Built once and prepared once per connection: the worker reads a report for every job, and drizzle would
   * otherwise rebuild the same SQL text each time.
   */
  private readonly findById;

  constructor(private readonly db: Db) {
    this.findById = db
      .select()
      .from(reports)
      .where(eq(reports.id, sql.placeholder('id')))
      .prepare('reports_find_by_id');
  }

  /** A new queued report, with its first event and its outbox entry (see `submit`). */
  async create(request: ReportRequest): Promise<Report> {
    return (await this.submit(request)).report;
  }

  /**
   * Stores a requested report, its `queued` event and its outbox entry in one transaction, so a report never
   * exists without a record that its job is owed. With an idempotency key, a second submission returns the
   * first report (`created: false`) instead of storing another; concurrent ones wait for the first to commit.
   */
  async submit(
    request: ReportRequest,
    idempotencyKey?: string,
  ): Promise<{ report: Report; created: boolean }> {
    return this.db.transaction(async (transaction) => {
      const [report] = await transaction
        .insert(reports)
        .values({ ...request, idempotencyKey })
        .onConflictDoNothing({ target: reports.idempotencyKey })
        .returning();
      if (!report) {
        const [original] = await transaction
          .select()
          .from(reports)
          .where(eq(reports.idempotencyKey, idempotencyKey ?? ''));
        if (!original) throw new Error('insert returned no row');
        return { report: original, created: false };
      }
      await transaction.insert(reportEvents).values({ reportId: report.id, kind: 'queued' });
      await transaction.insert(reportOutbox).values({ reportId: report.id });
      return { report, created: true };
    });
  }

  /** The report's job is in the queue: its outbox entry is done. */
  async enqueued(id: string): Promise<void> {
    await this.db.delete(reportOutbox).where(eq(reportOutbox.reportId, id));
  }

  /**
   * Delivers outbox entries older than `olderThanMs` (younger ones are still being enqueued by the web request
   * that wrote them): calls `enqueue` for each, oldest first, and removes the ones delivered. Rows are locked with
   * SKIP LOCKED, so several relays share the work without delivering one entry twice at the same time; `enqueue`
   * must be idempotent anyway (job id = report id). Returns the ids cleared.
   */
  async relayOutbox(
    olderThanMs: number,
    limit: number,
    enqueue: (reportId: string) => Promise<void>,
  ): Promise<string[]> {
    return this.db.transaction(async (transaction) => {
      const due = await transaction
        .select({ reportId: reportOutbox.reportId, status: reports.status })
        .from(reportOutbox)
        .innerJoin(reports, eq(reports.id, reportOutbox.reportId))
        .where(
          lt(reportOutbox.createdAt, sql`now() - make_interval(secs => ${olderThanMs / 1000})`),
        )
        .orderBy(asc(reportOutbox.createdAt))
        .limit(limit)
        .for('update', { of: reportOutbox, skipLocked: true });
      const ids = due.map((entry) => entry.reportId);
      // A report that already ran (its job was enqueued, then the process died before clearing the entry) needs
      // no second job.
      for (const entry of due) if (entry.status === 'queued') await enqueue(entry.reportId);
      if (ids.length > 0)
        await transaction.delete(reportOutbox).where(inArray(reportOutbox.reportId, ids));
      return ids;
    });
  }

  /** How many reports still wait for their job to be enqueued; for tests and the status page. */
  async outboxSize(): Promise<number> {
    const [row] = await this.db.select({ count: sql<number>`count(*)::int` }).from(reportOutbox);
    return row?.count ?? 0;
  }

  async find(id: string): Promise<Report | undefined> {
    const [report] = await this.findById.execute({ id });
    return report;
  }

  async recent(limit: number): Promise<Report[]> {
    return this.db.select().from(reports).orderBy(desc(reports.createdAt)).limit(limit);
  }

  async events(id: string): Promise<ReportEvent[]> {
    return this.db
      .select()
      .from(reportEvents)
      .where(eq(reportEvents.reportId, id))
      .orderBy(reportEvents.id);
  }

  /**
   * Marks an attempt as started. Returns false when the report is already complete: a replayed job then has
   * nothing left to do.
   */
  async start(id: string): Promise<boolean> {
    const { rowCount } = await this.db.$client.query({ ...START_REPORT, values: [id] });
    return rowCount === 1;
  }

  /**
   * Stores the result exactly once: the status guard and the `completed` event are one statement, so a job that
   * runs again after a crash or a lost lock finds the report complete and changes nothing.
   */
  async complete(id: string, result: ReportResult): Promise<boolean> {
    const { rowCount } = await this.db.$client.query({ ...COMPLETE_REPORT, values: [id, result] });
    return rowCount === 1;
  }

  /** A run cut short by a worker shutdown: the report waits in the queue again, no attempt counted as failed. */
  async interrupt(id: string): Promise<void> {
    await this.db.transaction(async (transaction) => {
      const [interrupted] = await transaction
        .update(reports)
        .set({ status: 'queued' })
        .where(and(eq(reports.id, id), eq(reports.status, 'running')))
        .returning({ id: reports.id });
      if (interrupted)
        await transaction.insert(reportEvents).values({ reportId: id, kind: 'interrupted' });
    });
  }

  /** Records a failed attempt; `final` marks the report failed for good once retries are exhausted. */
  async fail(id: string, reason: string, final: boolean): Promise<void> {
    await this.db.transaction(async (transaction) => {
      const [failed] = await transaction
        .update(reports)
        .set({ status: final ? 'failed' : 'queued', error: reason })
        .where(and(eq(reports.id, id), ne(reports.status, 'completed')))
        .returning({ id: reports.id });
      if (failed)
        await transaction
          .insert(reportEvents)
          .values({ reportId: id, kind: 'failed', detail: reason });
    });
  }
}
