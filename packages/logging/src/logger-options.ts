import type { IncomingMessage, ServerResponse } from 'node:http';
import { redactSecrets, secretValuesOf, type Config } from '@repo/config';
import type { Params } from 'nestjs-pino';
import { requestIdFor } from './request-id.js';

/** Headers and fields that carry credentials; pino replaces them before a line is written. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.secret',
  '*.token',
  '*.apiKey',
];

type LoggedRequest = IncomingMessage & { id?: string | number };

/**
 * nestjs-pino options for one app: pretty in development, one JSON object per line everywhere else, LOG_LEVEL
 * honoured, credentials redacted by path, and any secret value of the config scrubbed from messages and errors.
 */
export function loggerParams(config: Config, app: 'web' | 'worker'): Params {
  const secrets = secretValuesOf(config);
  const scrub = (text: string): string => redactSecrets(text, secrets);
  return {
    pinoHttp: {
      level: config.logLevel,
      base: { app, env: config.appEnv, version: config.release.version },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      transport:
        config.appEnv === 'development'
          ? {
              target: 'pino-pretty',
              options: {
                singleLine: true,
                translateTime: 'SYS:HH:MM:ss.l',
                ignore: 'pid,hostname,app,env,version',
              },
            }
          : undefined,
      genReqId: requestIdFor,
      customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) => {
        if (error !== undefined || response.statusCode >= 500) return 'error';
        return response.statusCode >= 400 ? 'warn' : 'info';
      },
      autoLogging: {
        ignore: (request: IncomingMessage) => request.url?.startsWith('/health') === true,
      },
      serializers: {
        // Method, path and id are enough; Express 5's route params ({ splat }) and the headers are noise.
        req: (request: LoggedRequest) => ({
          id: request.id,
          method: request.method,
          url: request.url,
        }),
        res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
        err: (error: Error) => ({
          type: error.name,
          message: scrub(error.message),
          stack: error.stack === undefined ? undefined : scrub(error.stack),
        }),
      },
      hooks: {
        // A secret interpolated into a message (or a connection string in an error text) never reaches the log.
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg: unknown) => (typeof arg === 'string' ? scrub(arg) : arg)) as Parameters<
              typeof method
            >,
          );
        },
      },
    },
  };
}
