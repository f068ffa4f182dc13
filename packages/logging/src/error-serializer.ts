/** A logged error: what happened and where, never what was sent (queries, parameters, command arguments). */
export interface SerializedError {
  type: string;
  message: string;
  /** Postgres SQLSTATE, a Node system error code, or a Redis reply's first word. */
  code?: string;
  /** The Redis command that failed, by name only. */
  command?: string;
  stack?: string;
  cause?: SerializedError;
}

const MAX_CAUSE_DEPTH = 3;

/** drizzle's DrizzleQueryError: its message and stack hold the full SQL text and the bound parameters. */
function isQueryError(error: Error): error is Error & { query: string; cause?: unknown } {
  return typeof (error as { query?: unknown }).query === 'string' && 'params' in error;
}

/**
 * Turns any thrown value into a small object that is safe to log. Only chosen fields are copied, so ioredis's
 * `command.args` (an AUTH password), pg's `detail` (a row's values) and connection options never reach a log;
 * drizzle's query errors are reduced to their database cause; `scrub` removes known secret values from the text.
 */
export function serializeError(
  error: unknown,
  scrub: (text: string) => string = (text) => text,
  depth = 0,
): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: scrub(String(error)) };
  if (isQueryError(error)) {
    const cause = error.cause === undefined ? undefined : serializeError(error.cause, scrub, depth);
    return {
      type: 'QueryError',
      message: `database query failed: ${cause?.message ?? 'unknown cause'}`,
      code: cause?.code,
      stack: framesOf(error, 'QueryError', 'database query failed'),
      cause,
    };
  }
  const message = scrub(error.message);
  const code = (error as { code?: unknown }).code;
  const command = (error as { command?: { name?: unknown } }).command?.name;
  const serialized: SerializedError = {
    type: error.name,
    message,
    code: typeof code === 'string' ? code : undefined,
    command: typeof command === 'string' ? command : undefined,
    stack: error.stack === undefined ? undefined : scrub(framesOf(error, error.name, message)),
  };
  if (error.cause !== undefined && depth < MAX_CAUSE_DEPTH)
    serialized.cause = serializeError(error.cause, scrub, depth + 1);
  return serialized;
}

/** The stack's frames under a header rebuilt from safe text: the original header repeats the raw message. */
function framesOf(error: Error, type: string, message: string): string {
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [`${type}: ${message}`, ...frames].join('\n');
}
