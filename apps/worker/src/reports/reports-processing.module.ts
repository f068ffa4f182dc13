import { Module } from '@nestjs/common';
import { QueueModule } from '@repo/queue/nest';
import { HeartbeatModule } from '../heartbeat/heartbeat.module.js';
import { OutboxRelayService } from './outbox-relay.service.js';
import { ReportProcessor } from './report.processor.js';

@Module({
  imports: [QueueModule, HeartbeatModule],
  providers: [ReportProcessor, OutboxRelayService],
})
export class ReportsProcessingModule {}
