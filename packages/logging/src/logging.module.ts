import { Module, type DynamicModule } from '@nestjs/common';
import type { Config } from '@repo/config';
import { APP_CONFIG } from '@repo/config/nest';
import { LoggerModule } from 'nestjs-pino';
import { loggerParams } from './logger-options.js';

/** pino for a Nest app, configured from the validated config (requires AppConfigModule). */
@Module({})
export class LoggingModule {
  static forRoot(app: 'web' | 'worker'): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: Config) => loggerParams(config, app),
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
