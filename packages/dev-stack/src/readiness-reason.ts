interface CheckDetail {
  status?: string;
  message?: string;
}

function describeCheck(check: string, detail: CheckDetail): string {
  const message = detail.message ?? detail.status ?? 'down';
  if (check === 'workers') {
    if (message === 'no live worker') return 'no worker has reported yet';
    const mismatch = /^configuration fingerprint mismatch: (.*)$/.exec(message);
    if (mismatch) {
      const workers = (mismatch[1] ?? '')
        .split(', ')
        .map((worker) => worker.replace(/ \(.*\)$/, ''));
      return `${workers.length === 1 ? 'worker' : 'workers'} ${workers.join(', ')} read a different configuration`;
    }
  }
  return `${check}: ${message}`;
}

/** A readiness answer (terminus' JSON) in words: what is still missing, one phrase per failing check. */
export function describeReadiness(body: unknown): string {
  if (typeof body !== 'object' || body === null) return 'the web app is not ready yet';
  const { status, error } = body as { status?: string; error?: Record<string, CheckDetail> };
  if (status === 'shutting_down') return 'the web app is shutting down';
  const failing = Object.entries(error ?? {}).map(([check, detail]) =>
    describeCheck(check, detail),
  );
  return failing.length === 0 ? 'the web app is not ready yet' : failing.join('; ');
}
