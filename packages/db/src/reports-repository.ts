import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import {
  reportEvents,
  reports,
  type Report,
  type ReportEvent,
  type ReportResult,
} from './schema/index.js';

/** Every database operation of the example job flow, shared by the web app (create, read) and the worker. */
export class ReportsRepository {
  constructor(private readonly db: Db) {}

  async create(request: { title: string; periodDays: number }): Promise<Report> {
    return this.db.transaction(async (transaction) => {
      const [report] = await transaction.insert(reports).values(request).returning();
      if (!report) throw new Error('insert returned no row');
      await transaction.insert(reportEvents).values({ reportId: report.id, kind: 'queued' });
      return report;
    });
  }

  async find(id: string): Promise<Report | undefined> {
    const [report] = await this.db.select().from(reports).where(eq(reports.id, id));
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
    return this.db.transaction(async (transaction) => {
      const [started] = await transaction
        .update(reports)
        .set({
          status: 'running',
          attempts: sql`${reports.attempts} + 1`,
          startedAt: sql`now()`,
          error: null,
        })
        .where(and(eq(reports.id, id), ne(reports.status, 'completed')))
        .returning({ id: reports.id });
      if (!started) return false;
      await transaction.insert(reportEvents).values({ reportId: id, kind: 'started' });
      return true;
    });
  }

  /**
   * Stores the result exactly once: the status guard and the `completed` event share one transaction, so a job
   * that runs again after a crash or a lost lock finds the report complete and changes nothing.
   */
  async complete(id: string, result: ReportResult): Promise<boolean> {
    return this.db.transaction(async (transaction) => {
      const [completed] = await transaction
        .update(reports)
        .set({ status: 'completed', result, completedAt: sql`now()`, error: null })
        .where(and(eq(reports.id, id), ne(reports.status, 'completed')))
        .returning({ id: reports.id });
      if (!completed) return false;
      await transaction.insert(reportEvents).values({ reportId: id, kind: 'completed' });
      return true;
    });
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
