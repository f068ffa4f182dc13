import type { AddressInfo } from 'node:net';
import { exitIfShutdownHangs, logStartup, NestProcessLogger, runProcess } from '@repo/logging';
import { createApp } from './app.factory.js';

/** Seconds past the drain and the request bound before a hung shutdown is cut short. */
const SHUTDOWN_MARGIN_SECONDS = 5;

await runProcess('web', async (config, logger) => {
  const app = await createApp(config, new NestProcessLogger(logger));
  // SIGTERM and SIGINT run the shutdown hooks (readiness 503, drain, close server, queues, database), then exit 0.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  const { drainSeconds, shutdownTimeoutSeconds } = config.lifecycle;
  exitIfShutdownHangs(logger, drainSeconds + shutdownTimeoutSeconds + SHUTDOWN_MARGIN_SECONDS);
  await app.listen(config.http.port);
  const { address, port } = app.getHttpServer().address() as AddressInfo;
  logStartup(
    app,
    config,
    `web listening on ${address === '::' || address === '0.0.0.0' ? 'every interface' : address}, port ${port} (APP_ENV=${config.appEnv}, version ${config.release.version})`,
  );
});
