import { describe, expect, it } from 'vitest';
import { serializeError } from './error-serializer.js';

describe('serializeError', () => {
  it('keeps the SQL text and parameters of a failed query out', () => {
    const cause = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      code: '22021',
    });
    // The shape of drizzle-orm's DrizzleQueryError: message and stack repeat the query and its parameters.
    const query = 'insert into "reports" ("title") values ($1)';
    const error = Object.assign(new Error(`Failed query: ${query}\nparams: private title`), {
      name: 'DrizzleQueryError',
      query,
      params: ['private title'],
      cause,
    });
    const serialized = serializeError(error);
    const text = JSON.stringify(serialized);
    expect(serialized).toMatchObject({
      type: 'QueryError',
      message: 'database query failed: invalid byte sequence for encoding "UTF8": 0x00',
      code: '22021',
    });
    expect(text).not.toContain('insert into');
    expect(text).not.toContain('private title');
  });

  it('names the Redis command of a reply error but never its arguments', () => {
    const error = Object.assign(new Error('WRONGPASS invalid username-password pair'), {
      name: 'ReplyError',
      command: { name: 'auth', args: ['default', 'hunter2-redis'] },
    });
    const serialized = serializeError(error);
    expect(serialized).toMatchObject({ type: 'ReplyError', command: 'auth' });
    expect(JSON.stringify(serialized)).not.toContain('hunter2-redis');
  });

  it('leaves out fields it does not know, such as pg details and connection options', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      detail: 'Key (idempotency_key)=(secret-key) already exists.',
      options: { password: 'pg-password' },
    });
    const text = JSON.stringify(serializeError(error));
    expect(text).toContain('23505');
    expect(text).not.toContain('secret-key');
    expect(text).not.toContain('pg-password');
  });

  it('scrubs secret values from messages, stacks and causes', () => {
    const scrub = (text: string) => text.replaceAll('s3cret', '****');
    const error = new Error('outer s3cret', { cause: new Error('inner s3cret') });
    const text = JSON.stringify(serializeError(error, scrub));
    expect(text).not.toContain('s3cret');
    expect(text).toContain('inner ****');
  });

  it('serializes thrown values that are not errors', () => {
    expect(serializeError('plain')).toEqual({ type: 'string', message: 'plain' });
  });
});
