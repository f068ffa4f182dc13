import { isIP } from 'node:net';

/** The host of a connection URL, lower-cased and without IPv6 brackets; empty for a local socket. */
export function hostOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
}

/** The database name of a postgres URL (its path), decoded. */
export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/** localhost, 127.0.0.0/8, ::1, 0.0.0.0 and unix sockets: places that are never a shared service. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (bare === '' || bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (bare === '0.0.0.0' || bare === '::' || bare === '::1' || bare === '0:0:0:0:0:0:0:1')
    return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  const mapped = /^::ffff:(.+)$/.exec(bare)?.[1];
  return mapped !== undefined && (mapped.startsWith('127.') || /^7f[0-9a-f]{2}:/.test(mapped));
}
