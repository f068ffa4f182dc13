import { Module } from '@nestjs/common';
import { HeartbeatService } from './heartbeat.service.js';
import { WorkerStats } from './worker-stats.js';

@Module({ providers: [HeartbeatService, WorkerStats], exports: [WorkerStats] })
export class HeartbeatModule {}
