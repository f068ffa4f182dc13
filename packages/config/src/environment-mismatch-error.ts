import type { AppEnvironment } from './environments.js';

/**
 * A database or Redis that was stamped by another environment. Every process refuses to use it: this is the
 * last line of defence when a URL points at the wrong environment's data.
 */
export class EnvironmentMismatchError extends Error {
  override readonly name = 'EnvironmentMismatchError';

  constructor(
    /** What was stamped, e.g. "the database" or "Redis (prefix ladder-test)". */
    readonly resource: string,
    readonly stamped: string,
    readonly running: AppEnvironment,
    /** Which setting points at it, to name in the fix. */
    readonly setting: string,
  ) {
    super(
      `${resource} belongs to APP_ENV=${stamped}, but this process runs as APP_ENV=${running}; refusing to use it. ` +
        `Fix: point ${setting} at the ${running} ${resource.replace(/^the /, '')}, or run this process with APP_ENV=${stamped}.`,
    );
  }
}
