import type { Config } from '@repo/config';
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { serializeError } from './error-serializer.js';
import { loggerOptions, PRETTY_OPTIONS } from './logger-options.js';

export type AppName = 'web' | 'worker';

/**
 * The logger for everything outside a request or a job: start-up, Nest's own messages, failures before Nest's
 * logger exists, unhandled rejections, shutdown. It writes synchronously, so a line logged just before
 * `process.exit()` is never lost. Before the config is loaded no secret is known yet: errors are still reduced to
 * their safe fields.
 */
export function createProcessLogger(app: AppName, config?: Config): Logger {
  if (config === undefined)
    return pino({ base: { app }, serializers: { err: (error: unknown) => serializeError(error) } });
  const options = loggerOptions(config, app);
  if (config.appEnv === 'development')
    return pino(options, pretty({ ...PRETTY_OPTIONS, sync: true }));
  return pino(options);
}
