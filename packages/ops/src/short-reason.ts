/** Socket error codes worth naming; anything else becomes a generic reason. */
const KNOWN_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
};

/**
 * A few words on why a check failed, never the error's message: a driver's message can carry SQL text, host
 * names or credentials. The full error goes to the log, which is where an operator reads detail.
 */
export function shortReason(error: unknown, fallback: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code in KNOWN_CODES) return KNOWN_CODES[code] ?? fallback;
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  return fallback;
}
