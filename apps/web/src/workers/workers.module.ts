import { Module } from '@nestjs/common';
import { WorkerRegistry } from './worker-registry.service.js';

@Module({ providers: [WorkerRegistry], exports: [WorkerRegistry] })
export class WorkersModule {}
