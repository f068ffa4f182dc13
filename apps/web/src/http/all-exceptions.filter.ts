import {
  Catch,
  HttpException,
  HttpStatus,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Config } from '@repo/config';
import { InjectConfig } from '@repo/config/nest';
import { currentTraceId } from '@repo/telemetry/tracing';
import type { Request, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';

/**
 * One error shape for every failure: status, message and the request id to quote in a support ticket, with the
 * trace id beside it when the request is traced (it opens the request's trace, worker jobs included). Stack
 * traces reach the response in development only; everywhere else they go to the log alone.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(
    @InjectConfig() private readonly config: Config,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(AllExceptionsFilter.name);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const requestId = request.id === undefined ? undefined : String(request.id);
    // Absent (and so left out of the JSON) when tracing is off.
    const traceId = currentTraceId();

    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      response
        .status(exception.getStatus())
        .json(
          typeof body === 'object'
            ? { ...body, requestId, traceId }
            : { statusCode: exception.getStatus(), message: body, requestId, traceId },
        );
      return;
    }

    this.logger.error({ err: exception, requestId }, 'unhandled error');
    const body: Record<string, unknown> = {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: 'Something went wrong. Quote the request id when you report it.',
      requestId,
      traceId,
    };
    if (this.config.appEnv === 'development' && exception instanceof Error) {
      body.detail = exception.message;
      body.stack = exception.stack;
    }
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json(body);
  }
}
