export { serializeError, type SerializedError } from './error-serializer.js';
export { loggerOptions, loggerParams } from './logger-options.js';
export { LoggingModule } from './logging.module.js';
export { assignRequestId } from './request-id.js';
export { logStartup } from './startup-log.js';
export { NestProcessLogger } from './nest-logger.js';
export { createProcessLogger, type AppName } from './process-logger.js';
export { exitIfShutdownHangs, runProcess } from './run-process.js';
