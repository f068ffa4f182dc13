import type { Config } from './config-object.js';
import { EnvironmentMismatchError } from './environment-mismatch-error.js';
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
