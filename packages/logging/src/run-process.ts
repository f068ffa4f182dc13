import {
  ConfigError,
  EnvironmentMismatchError,
  exitOnStartupError,
  formatProblem,
  isDeployed,
  loadConfig,
  type Config,
} from '@repo/config';
import type { Logger } from 'pino';
import { createBootLogger, createProcessLogger, type AppName } from './process-logger.js';

/**
 * Runs an app's `main`: loads the config, then starts the app with a process logger, so that in staging and
 * production every line the process writes is JSON through the scrubbing logger, from the first to the last.
 * Start-up failures, unhandled rejections and uncaught exceptions are logged as one line with a clear reason,
 * then the process exits 1.
 */
export async function runProcess(
  app: AppName,
  main: (config: Config, logger: Logger) => Promise<void>,
): Promise<void> {
  let logger = createBootLogger(app);
  const die = (error: unknown, message: string): never => {
    logger.fatal({ err: error }, message);
    process.exit(1);
  };
  process.on('unhandledRejection', (reason) => die(reason, `${app} stopped: unhandled rejection`));
  process.on('uncaughtException', (error) => die(error, `${app} stopped: uncaught exception`));

  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    // Developers read configuration problems in a terminal: one problem per line, as before.
    const deployed = error instanceof ConfigError && isDeployed(error.environment);
    if (!deployed) exitOnStartupError(app, error);
    logger.fatal(
      { problems: error.problems.map((problem) => formatProblem(problem)) },
      `${app} refused to start: ${error.message.split('\n')[0] ?? 'invalid configuration'}`,
    );
    process.exit(1);
  }
  try {
    logger = await createProcessLogger(app, config);
    await main(config, logger);
  } catch (error) {
    const verb = error instanceof EnvironmentMismatchError ? 'refused to start' : 'failed to start';
    die(error, `${app} ${verb}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * A last resort after SIGTERM or SIGINT: if the shutdown hooks hang (a stuck pool, a job ignoring its abort
 * signal), log it and exit 1 after `seconds`, before the orchestrator's SIGKILL, so the failure shows in the exit
 * code.
 */
export function exitIfShutdownHangs(logger: Logger, seconds: number): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        logger.fatal(`shutdown did not finish within ${seconds}s; exiting`);
        process.exit(1);
      }, seconds * 1000).unref();
    });
  }
}
