import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import type { Config } from '@repo/config';
import { APP_CONFIG } from '@repo/config/nest';
import { queueTelemetry } from '@repo/telemetry/tracing';
import type { Redis } from 'ioredis';
import { REPORT_JOB_OPTIONS, REPORTS_QUEUE } from '../queues.js';
import { REDIS } from './redis.tokens.js';

/**
 * BullMQ on the shared Redis client, every key under QUEUE_PREFIX, and the reports queue registered. Queues and
 * the workers of @Processor classes share these options, so with tracing on a job carries the trace of the
 * request that enqueued it into the worker.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [REDIS, APP_CONFIG],
      useFactory: (redis: Redis, config: Config) => ({
        connection: redis,
        prefix: config.queue.prefix,
        telemetry: queueTelemetry(config),
      }),
    }),
    BullModule.registerQueue({ name: REPORTS_QUEUE, defaultJobOptions: REPORT_JOB_OPTIONS }),
  ],
  exports: [BullModule],
})
export class QueueModule {}
