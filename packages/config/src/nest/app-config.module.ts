import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { Config } from '../config-object.js';
import { loadConfig, type LoadOptions } from '../load-config.js';
import { APP_CONFIG } from './config.tokens.js';

export interface AppConfigModuleOptions {
  /** An already loaded config (main.ts loads it first to log start-up problems before Nest boots). */
  config?: Config;
  /** Options for loadConfig when `config` is not given. */
  load?: LoadOptions;
}

/**
 * The one way Nest code gets configuration: the same loader and validation as every CLI, exposed through
 * @nestjs/config (`ConfigService.get('app.http.port')`) and as the typed object (`@InjectConfig()`).
 * Global, so feature modules only inject.
 */
@Module({})
export class AppConfigModule {
  static forRoot(options: AppConfigModuleOptions = {}): DynamicModule {
    const config = options.config ?? loadConfig(options.load);
    return {
      module: AppConfigModule,
      global: true,
      // skipProcessEnv: ConfigService must never fall back to unvalidated process.env values.
      imports: [
        ConfigModule.forRoot({
          ignoreEnvFile: true,
          skipProcessEnv: true,
          isGlobal: true,
          cache: true,
          load: [() => ({ app: config })],
        }),
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
