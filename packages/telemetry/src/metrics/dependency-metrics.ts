import { Gauge, type Registry } from 'prom-client';
import { METRIC_PREFIX } from './metrics-registry.js';

/** A probe answers within this bound or counts as down: a scrape must not hang on a dead dependency. */
export const PROBE_TIMEOUT_MS = 2_000;

/** What the pool gauge needs from a `pg.Pool`. */
export interface PoolUsage {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

/** What the Redis gauge needs from an ioredis client: `ready` is the only state in which commands run. */
export interface RedisStatus {
  readonly status: string;
}

async function probeWithin(probe: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([probe().then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether Postgres and Redis answer, and how the Postgres pool is used, measured at scrape time. Only the
 * dependency's kind is a label: connection strings carry credentials and never appear.
 */
export class DependencyMetrics {
  private readonly probes = new Map<string, () => Promise<unknown>>();
  private readonly pools: PoolUsage[] = [];

  constructor(registry: Registry) {
    const probes = this.probes;
    const pools = this.pools;
    new Gauge({
      name: `${METRIC_PREFIX}dependency_up`,
      help: 'Whether a dependency answered a probe at scrape time (1) or not (0), by dependency (postgres, redis).',
      labelNames: ['dependency'],
      registers: [registry],
      async collect() {
        const results = await Promise.all(
          [...probes].map(async ([dependency, probe]) => ({
            dependency,
            up: await probeWithin(probe),
          })),
        );
        for (const { dependency, up } of results) this.set({ dependency }, up ? 1 : 0);
      },
    });
    new Gauge({
      name: `${METRIC_PREFIX}db_pool_connections`,
      help: 'Postgres pool connections by state: total open, idle, and callers waiting for one.',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const sum = (read: (pool: PoolUsage) => number): number =>
          pools.reduce((total, pool) => total + read(pool), 0);
        this.set(
          { state: 'total' },
          sum((pool) => pool.totalCount),
        );
        this.set(
          { state: 'idle' },
          sum((pool) => pool.idleCount),
        );
        this.set(
          { state: 'waiting' },
          sum((pool) => pool.waitingCount),
        );
      },
    });
  }

  /** Reports the pool's usage, and Postgres as up when a trivial query on it answers. */
  watchPostgres(pool: PoolUsage & { query(text: string): Promise<unknown> }): void {
    this.pools.push(pool);
    this.probes.set('postgres', () => pool.query('select 1'));
  }

  /** Reports Redis as up while the client's connection is ready (no command is sent). */
  watchRedis(redis: RedisStatus): void {
    this.probes.set('redis', () =>
      redis.status === 'ready'
        ? Promise.resolve()
        : Promise.reject(new Error(`redis is ${redis.status}`)),
    );
  }
}
