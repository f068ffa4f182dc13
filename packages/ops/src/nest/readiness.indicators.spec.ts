import 'reflect-metadata';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Config } from '@repo/config';
import type { Database } from '@repo/db';
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { ReadinessIndicators } from './readiness.indicators.js';

const SQL_ERROR = Object.assign(
  new Error(
    'Failed query: select to_regclass($1) as "table"\nparams: drizzle.__drizzle_migrations',
  ),
  { code: '57P01' },
);

/** A database whose every query fails like a dropped Postgres connection does, SQL text included. */
function failingDatabase(error: Error): Database {
  const fail = () => Promise.reject(error);
  return { db: { execute: fail, select: fail } } as unknown as Database;
}

const redis = {
  info: () => Promise.resolve('maxmemory_policy:noeviction\r\n'),
  get: () => Promise.resolve('test'),
} as unknown as Redis;

const config = { appEnv: 'test', queue: { prefix: 'ladder-test' } } as unknown as Config;

function indicators(database: Database): ReadinessIndicators {
  return new ReadinessIndicators(new HealthIndicatorService(), config, database, redis);
}

describe('readiness indicators', () => {
  it.each(['postgres', 'migrations', 'environment'] as const)(
    'report a short reason for %s, never the SQL text of the failed query',
    async (check) => {
      const result = await indicators(failingDatabase(SQL_ERROR))[check]();
      const text = JSON.stringify(result);
      expect(result[check]?.status).toBe('down');
      expect(text).not.toMatch(/select|regclass|drizzle/i);
      expect(result[check]).toHaveProperty('message');
    },
  );

  it('name a refused connection', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:5432'), {
      code: 'ECONNREFUSED',
    });
    const result = await indicators(failingDatabase(refused)).postgres();
    expect(result).toEqual({ postgres: { status: 'down', message: 'connection refused' } });
  });

  it('refuse a Redis that may evict queued jobs', async () => {
    const evicting = { info: () => Promise.resolve('maxmemory_policy:allkeys-lru\r\n') };
    const result = await new ReadinessIndicators(
      new HealthIndicatorService(),
      config,
      failingDatabase(SQL_ERROR),
      evicting as unknown as Redis,
    ).redisPolicy();
    expect(result.redis).toMatchObject({ status: 'down', maxmemoryPolicy: 'allkeys-lru' });
  });
});
