export { loggerParams, REDACTED_PATHS } from './logger-options.js';
export { LoggingModule } from './logging.module.js';
export { requestIdFor } from './request-id.js';
export { logStartup } from './startup-log.js';
