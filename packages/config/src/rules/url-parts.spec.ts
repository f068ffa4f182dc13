import { describe, expect, it } from 'vitest';
import { databaseNameOf, hostOf, isLoopbackHost } from './url-parts.js';

describe('isLoopbackHost', () => {
  it.each([
    'localhost',
    'LOCALHOST',
    'localhost.',
    'localhost..',
    'app.localhost',
    'App.Localhost.',
    'localhost.localdomain',
    'ip6-localhost',
    'ip6-loopback',
    '127.0.0.1',
    '127.8.9.10',
    '127.1',
    '2130706433',
    '0x7f.1',
    '0.0.0.0',
    '0',
    '::',
    '[::]',
    '::1',
    '[::1]',
    '0:0:0:0:0:0:0:1',
    '[::ffff:127.0.0.1]',
    '::ffff:7f00:1',
    '::ffff:0.0.0.0',
    '',
  ])('treats %j as this machine', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each([
    'db.internal.example.com',
    'localhost.example.com',
    'mylocalhost',
    'localhostx',
    '10.0.0.5',
    '128.0.0.1',
    '1.0.0.127',
    '::2',
    '[::ffff:10.0.0.1]',
    '2001:db8::1',
  ])('treats %j as another machine', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('url parts', () => {
  it('reads the host lower-cased and unbracketed', () => {
    expect(hostOf('postgres://u:p@DB.Internal:5432/shop')).toBe('db.internal');
    expect(hostOf('redis://[::1]:6379')).toBe('::1');
  });

  it('reads the database name decoded, without the slash', () => {
    expect(databaseNameOf('postgres://u:p@db/shop%5Fdev')).toBe('shop_dev');
  });
});
