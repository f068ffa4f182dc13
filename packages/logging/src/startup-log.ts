import type { INestApplicationContext } from '@nestjs/common';
import { summarizeConfig, type Config } from '@repo/config';
import { Logger } from 'nestjs-pino';

/**
 * One line with the masked effective configuration, so any log shows what a process ran with; the summary
 * carries the fingerprint as FINGERPRINT, once.
 */
export function logStartup(app: INestApplicationContext, config: Config, message: string): void {
  // nestjs-pino reads the last argument as the context, so the message goes before it.
  app.get(Logger).log({ config: summarizeConfig(config) }, message, 'Startup');
}
