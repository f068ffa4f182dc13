import { exitIfShutdownHangs, logStartup, NestProcessLogger, runProcess } from '@repo/logging';
import { createWorker } from './worker.factory.js';

/** Seconds past the job bound before a hung shutdown is cut short; keep the total below the stop grace period. */
const SHUTDOWN_MARGIN_SECONDS = 3;

await runProcess('worker', async (config, logger) => {
  const app = await createWorker(config, new NestProcessLogger(logger));
  // SIGTERM and SIGINT: stop taking jobs, finish or hand back running ones, close connections, exit 0.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  exitIfShutdownHangs(logger, config.lifecycle.shutdownTimeoutSeconds + SHUTDOWN_MARGIN_SECONDS);
  await app.init();
  logStartup(
    app,
    config,
    `worker started (APP_ENV=${config.appEnv}, concurrency ${config.queue.workerConcurrency}, version ${config.release.version})`,
  );
});
