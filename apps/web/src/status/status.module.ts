import { Module } from '@nestjs/common';
import { WorkersModule } from '../workers/workers.module.js';
import { StatusRoutes } from './status.routes.js';
import { StatusService } from './status.service.js';

@Module({ imports: [WorkersModule], providers: [StatusService, StatusRoutes] })
export class StatusModule {}
