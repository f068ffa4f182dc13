export { AppConfigModule, type AppConfigModuleOptions } from './app-config.module.js';
export { APP_CONFIG, InjectConfig } from './config.tokens.js';
