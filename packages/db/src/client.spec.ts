import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from './client.js';

// Nothing connects until the first query, so no server is needed; port 1 makes sure none is ever reached.
const URL_WITHOUT_SERVER = 'postgres://app:pw@127.0.0.1:1/app_test';

let database: Database | undefined;
afterEach(async () => {
  await database?.close();
});

describe('createDatabase', () => {
  it('names its connections after the process and bounds the pool', () => {
    database = createDatabase(URL_WITHOUT_SERVER, { applicationName: 'ladder-db migrate', max: 3 });
    expect(database.pool.options).toMatchObject({
      application_name: 'ladder-db migrate',
      max: 3,
      connectionTimeoutMillis: 5_000,
    });
  });

  it('defaults to a pool of 10', () => {
    database = createDatabase(URL_WITHOUT_SERVER);
    expect(database.pool.options.max).toBe(10);
  });

  it('can be closed twice, as shutdown hooks and error paths both do', async () => {
    database = createDatabase(URL_WITHOUT_SERVER);
    const first = database.close();
    expect(database.close()).toBe(first);
    await first;
    expect(database.pool.ended).toBe(true);
  });

  it('survives an idle client losing its connection instead of crashing the process', () => {
    database = createDatabase(URL_WITHOUT_SERVER);
    // An 'error' event nobody listens to is thrown by Node's EventEmitter.
    expect(() => database?.pool.emit('error', new Error('terminating connection'))).not.toThrow();
  });
});
