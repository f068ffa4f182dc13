export const OPS_OPTIONS = Symbol('OPS_OPTIONS');

export interface OpsOptions {
  /** The management server's port: MANAGEMENT_PORT for web, WORKER_MANAGEMENT_PORT for the worker. */
  port: number;
  /**
   * How long shutdown keeps serving with readiness at 503 before the app's servers close, so load balancers
   * stop sending traffic first (SHUTDOWN_DRAIN_SECONDS for web).
   * @default 0
   */
  drainSeconds?: number;
  /**
   * Whether readiness checks for pending migrations. Needs the migration files, which only the web image carries
   * (it runs the release step); the worker's readiness leaves the check out.
   * @default true
   */
  checkMigrations?: boolean;
  /**
   * Whether failed readiness checks are logged. `pnpm dev` polls readiness while the apps start and says why it
   * waits, so development turns this off; deployed environments keep logging failed checks.
   * @default true
   */
  logFailedChecks?: boolean;
}
