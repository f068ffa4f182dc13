import type { Config } from './config-object.js';
import { EnvironmentMismatchError } from './environment-mismatch-error.js';
import { loadConfig, type LoadOptions } from './load-config.js';
import { secretValuesOf } from './output/secret-values.js';
import { ConfigError, redactSecrets } from './problems.js';

/**
 * Ends a process that cannot start, with every configuration problem (or the environment mismatch) on stderr
 * and exit code 1. Other errors print their stack, scrubbed of the config's secrets when it was loaded.
 */
export function exitOnStartupError(app: string, error: unknown, config?: Config): never {
  if (error instanceof ConfigError || error instanceof EnvironmentMismatchError) {
    process.stderr.write(`${app} refused to start.\n${error.message}\n`);
  } else {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(
      `${app} failed to start: ${config ? redactSecrets(text, secretValuesOf(config)) : text}\n`,
    );
  }
  process.exit(1);
}

/** loadConfig for a main.ts: the config, or exit 1 listing every problem. */
export function loadConfigOrExit(app: string, options?: LoadOptions): Config {
  try {
    return loadConfig(options);
  } catch (error) {
    exitOnStartupError(app, error);
  }
}

/**
 * A last resort after SIGTERM or SIGINT: if the shutdown hooks hang (a stuck pool, a job ignoring its abort
 * signal), exit 1 after `seconds`, before the orchestrator's SIGKILL, so the failure shows in the exit code.
 */
export function exitIfShutdownHangs(seconds: number): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        process.stderr.write(`shutdown did not finish within ${seconds}s; exiting\n`);
        process.exit(1);
      }, seconds * 1000).unref();
    });
  }
}
