import 'reflect-metadata';
import type { LoggerService } from '@nestjs/common';
import type { Config } from '@repo/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { HttpMetrics, httpMetricsMiddleware } from '@repo/telemetry/metrics';
import { createLocalFilesHandler, LOCAL_FILES_PATH, LocalUrlSigner, Storage } from '@repo/storage';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { devRunHeader } from './dev-run-header.js';
import { applyHttpHardening } from './http/http-hardening.js';

/**
 * Builds the web app, ready to `listen()`: modules wired, logger installed, HTTP hardening applied. Startup
 * fails here (before any port opens) when the database or Redis belongs to another environment.
 */
export async function createApp(
  config: Config,
  logger?: LoggerService,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    // Nest's own lines go to the process logger until the app's logger takes over (never to its console).
    logger,
    bufferLogs: true,
    abortOnError: false,
    // Parsed in applyHttpHardening instead, so its errors get the app's error format and request id.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // First, so every request is counted, including those the hardening below rejects.
  app.use(httpMetricsMiddleware(app.get(HttpMetrics)));
  // pnpm dev sets DEV_RUN_ID and only trusts an answer that echoes it, so another server on the port never counts.
  const runId = config.development.runId;
  if (runId !== undefined) app.use(devRunHeader(runId));
  applyHttpHardening(app, config);
  // The local driver's signed links point here: development by default, and a single-machine deploy on a
  // persistent volume (ALLOW_LOCAL_STORAGE). With S3, links are presigned URLs and the app serves no files.
  if (config.storage.backend === 'local')
    app.use(LOCAL_FILES_PATH, createLocalFilesHandler(app.get(Storage), app.get(LocalUrlSigner)));
  return app;
}
