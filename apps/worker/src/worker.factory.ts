import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { LoggerService } from '@nestjs/common';
import type { Config } from '@repo/config';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module.js';

/**
 * Builds the worker (a Nest application context, no HTTP), ready to `init()`. Startup fails here when the
 * database or Redis belongs to another environment.
 */
export async function createWorker(
  config: Config,
  logger?: LoggerService,
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    // Nest's own lines go to the process logger until the app's logger takes over (never to its console).
    logger,
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  return app;
}
