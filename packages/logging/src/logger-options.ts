import type { IncomingMessage, ServerResponse } from 'node:http';
import { redactSecrets, secretValuesOf, type Config } from '@repo/config';
import { currentTraceIds } from '@repo/telemetry/tracing';
import type { Params } from 'nestjs-pino';
import type { DestinationStream, LoggerOptions } from 'pino';
import { serializeError } from './error-serializer.js';
import { requestIdFor } from './request-id.js';

/** Headers and fields that carry credentials; pino replaces them before a line is written. */
const REDACTED_PATHS = [
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

/** pino-pretty's settings for development: one short line per entry. */
const PRETTY_OPTIONS = {
  singleLine: true,
  translateTime: 'SYS:HH:MM:ss.l',
  ignore: 'pid,hostname,app,env,version',
};

/**
 * Development's output: a pino-pretty stream in the process, written synchronously so a line logged just before
 * `process.exit()` is never lost. pino-pretty is imported here, in development only, where it is used. Not a
 * `transport`: a transport runs in a worker thread that pino starts from a file beside its own module, which a
 * bundled build (`pnpm start`, the images) does not have.
 */
export async function prettyStream(): Promise<DestinationStream> {
  const { default: pretty } = await import('pino-pretty');
  return pretty({ ...PRETTY_OPTIONS, sync: true });
}

/**
 * The options every logger of an app shares: LOG_LEVEL, the app's identity, the active trace's ids, credentials
 * redacted by path, errors reduced to safe fields (no SQL, parameters or command arguments), and any secret value
 * of the config scrubbed from messages and errors.
 */
export function loggerOptions(config: Config, app: 'web' | 'worker'): LoggerOptions {
  const secrets = secretValuesOf(config);
  const scrub = (text: string): string => redactSecrets(text, secrets);
  return {
    level: config.logLevel,
    base: { app, env: config.appEnv, version: config.release.version },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: (error: unknown) => serializeError(error, scrub) },
    // trace_id and span_id on every line written inside a traced request or job, so a log search finds the
    // trace and the trace view finds the lines; nothing when no span is active (or TRACES_EXPORTER=none).
    mixin: currentTraceIds,
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
  };
}

/**
 * nestjs-pino options for one app: pretty in development (see prettyStream), one JSON object per line everywhere
 * else, with the shared options above plus request logging.
 */
export async function loggerParams(config: Config, app: 'web' | 'worker'): Promise<Params> {
  const shared = loggerOptions(config, app);
  const options = {
    ...shared,
    genReqId: requestIdFor,
    customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) => {
      if (error !== undefined || response.statusCode >= 500) return 'error';
      return response.statusCode >= 400 ? 'warn' : 'info';
    },
    serializers: {
      ...shared.serializers,
      // Method, path and id are enough; Express 5's route params ({ splat }) and the headers are noise.
      req: (request: LoggedRequest) => ({
        id: request.id,
        method: request.method,
        url: request.url,
      }),
      res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
    },
  };
  // Every request on the public port is logged: health checks and probes live on the management server, which
  // has no request logger (nothing there to exclude, and no per-request matching to pay for).
  if (config.appEnv !== 'development') return { pinoHttp: options };
  return { pinoHttp: [options, await prettyStream()] };
}
