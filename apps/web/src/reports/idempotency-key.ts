import { BadRequestException } from '@nestjs/common';

/** Visible ASCII only, so a key is safe to store and to log. */
const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The optional Idempotency-Key header of POST /api/reports: a client-chosen token (a UUID is typical) that makes
 * a retried request return the report the first one created. A malformed key is a 400 naming the header.
 */
export function parseIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (KEY.test(value)) return value;
  throw new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'Invalid Idempotency-Key header',
    issues: [{ path: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }],
  });
}
