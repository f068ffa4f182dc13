import type { Redis } from 'ioredis';

/** What every live worker publishes, and what the web app's /workers endpoint and status page read. */
export interface WorkerHeartbeat {
  id: string;
  hostname: string;
  pid: number;
  version: string;
  gitSha: string;
  appEnv: string;
  /** `config/secrets` hashes of the worker's configuration (see @repo/config). */
  fingerprint: string;
  concurrency: number;
  startedAt: string;
  beatAt: string;
  jobsDone: number;
  jobsFailed: number;
}

export const HEARTBEAT_INTERVAL_MS = 5_000;
/** Three missed beats and a worker no longer counts as live. */
const HEARTBEAT_TTL_MS = 3 * HEARTBEAT_INTERVAL_MS;

const indexKey = (prefix: string): string => `${prefix}:workers`;
const beatKey = (prefix: string, id: string): string => `${prefix}:workers:${id}`;

export async function publishHeartbeat(
  redis: Redis,
  prefix: string,
  beat: WorkerHeartbeat,
): Promise<void> {
  await redis
    .multi()
    .set(beatKey(prefix, beat.id), JSON.stringify(beat), 'PX', HEARTBEAT_TTL_MS)
    .zadd(indexKey(prefix), Date.now(), beat.id)
    .exec();
}

/** Called on graceful shutdown, so a stopped worker disappears at once instead of after its TTL. */
export async function removeHeartbeat(redis: Redis, prefix: string, id: string): Promise<void> {
  await redis.multi().del(beatKey(prefix, id)).zrem(indexKey(prefix), id).exec();
}

/** Workers that beat within the TTL, oldest first. Entries of workers that died are pruned on the way. */
export async function liveWorkers(redis: Redis, prefix: string): Promise<WorkerHeartbeat[]> {
  const now = Date.now();
  await redis.zremrangebyscore(indexKey(prefix), '-inf', String(now - HEARTBEAT_TTL_MS));
  const ids = await redis.zrange(indexKey(prefix), '0', '-1');
  if (ids.length === 0) return [];
  const beats = await redis.mget(ids.map((id) => beatKey(prefix, id)));
  return beats
    .filter((beat): beat is string => beat !== null)
    .map((beat) => JSON.parse(beat) as WorkerHeartbeat)
    .sort((left, right) => left.startedAt.localeCompare(right.startedAt));
}
