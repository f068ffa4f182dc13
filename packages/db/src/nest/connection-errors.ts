/**
 * SQLSTATEs no retry can fix: wrong password (28P01), refused role or host (28000), missing database (3D000).
 * The process stops at once with the server's reason instead of retrying for seconds.
 */
const PERMANENT_CODES = new Set(['28P01', '28000', '3D000']);

/** The driver's own error: drizzle wraps it in an error whose message is the SQL text. */
export function driverError(error: unknown): Error {
  const cause = (error as { query?: unknown; cause?: unknown }).cause;
  if (typeof (error as { query?: unknown }).query === 'string' && cause instanceof Error)
    return cause;
  return error as Error;
}

export function isPermanent(error: unknown): boolean {
  const code = (driverError(error) as { code?: unknown }).code;
  return typeof code === 'string' && PERMANENT_CODES.has(code);
}
