import type { Config } from '@repo/config';
import { pino, type Logger } from 'pino';
import { serializeError } from './error-serializer.js';
import { loggerOptions, prettyStream } from './logger-options.js';

export type AppName = 'web' | 'worker';

/**
 * The logger for the moment before the config is loaded: no secret is known yet, so errors are reduced to their
 * safe fields. JSON, written synchronously.
 */
export function createBootLogger(app: AppName): Logger {
  return pino({ base: { app }, serializers: { err: (error: unknown) => serializeError(error) } });
}

/**
 * The logger for everything outside a request or a job: start-up, Nest's own messages, failures before Nest's
 * logger exists, unhandled rejections, shutdown. It writes synchronously, so a line logged just before
 * `process.exit()` is never lost.
 */
export async function createProcessLogger(app: AppName, config: Config): Promise<Logger> {
  const options = loggerOptions(config, app);
  return config.appEnv === 'development' ? pino(options, await prettyStream()) : pino(options);
}
