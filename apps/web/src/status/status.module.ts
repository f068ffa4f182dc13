import { Module } from '@nestjs/common';
import { WorkersModule } from '../workers/workers.module.js';
import { StatusController } from './status.controller.js';
import { StatusService } from './status.service.js';

@Module({ imports: [WorkersModule], controllers: [StatusController], providers: [StatusService] })
export class StatusModule {}
