import { Module } from '@nestjs/common';
import { WorkerRegistry } from './worker-registry.service.js';
import { WorkersRoutes } from './workers.routes.js';

@Module({ providers: [WorkerRegistry, WorkersRoutes], exports: [WorkerRegistry] })
export class WorkersModule {}
