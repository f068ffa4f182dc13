import { describe, expect, it } from 'vitest';
import { driverError, isPermanent } from './connection-errors.js';

/** What pg throws: an Error with the server's SQLSTATE (or the socket's errno name) as `code`. */
const pgError = (code: string, message = `failed with ${code}`) =>
  Object.assign(new Error(message), { code });

/** What drizzle throws around it: the SQL text as message and `query`, the driver's error as cause. */
const drizzleError = (cause: Error) =>
  Object.assign(new Error('Failed query: select 1'), { query: 'select 1', cause });

describe('isPermanent', () => {
  it.each([
    ['28P01', 'a wrong password'],
    ['28000', 'a refused role or host'],
    ['3D000', 'a missing database'],
  ])('gives up at once on %s (%s), wrapped by drizzle or not', (code) => {
    expect(isPermanent(pgError(code))).toBe(true);
    expect(isPermanent(drizzleError(pgError(code)))).toBe(true);
  });

  it.each(['ECONNREFUSED', '57P03', 'ETIMEDOUT'])(
    'keeps retrying %s: a server that is starting or briefly away',
    (code) => {
      expect(isPermanent(pgError(code))).toBe(false);
      expect(isPermanent(drizzleError(pgError(code)))).toBe(false);
    },
  );

  it('keeps retrying an error without a code', () => {
    expect(isPermanent(new Error('Connection terminated unexpectedly'))).toBe(false);
  });
});

describe('driverError', () => {
  it("unwraps drizzle's error, so messages quote the server's reason instead of the SQL", () => {
    const cause = pgError('28P01', 'password authentication failed for user "app"');
    expect(driverError(drizzleError(cause))).toBe(cause);
  });

  it('leaves an error that is not a wrapped query as it is', () => {
    const plain = Object.assign(new Error('outer'), { cause: new Error('inner') });
    expect(driverError(plain)).toBe(plain);
  });
});
