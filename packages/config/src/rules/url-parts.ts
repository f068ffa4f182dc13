import { isIP } from 'node:net';

/** The host of a connection URL, lower-cased and without IPv6 brackets; empty for a local socket. */
export function hostOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
}

/** The database name of a postgres URL (its path), decoded. */
export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/**
 * The host as an http URL spells it: IPv4 written as `127.1`, `2130706433` or `0x7f.1` becomes `127.0.0.1`, and
 * IPv6 is compressed. Connection URLs (postgres://, redis://) keep whatever was typed, so rules compare this form.
 */
function canonicalHost(host: string): string {
  const bare = host.toLowerCase().replace(/^\[|\]$/g, '');
  const candidate = `http://${bare.includes(':') ? `[${bare}]` : bare}/`;
  return URL.canParse(candidate) ? new URL(candidate).hostname.replace(/^\[|\]$/g, '') : bare;
}

/** Names that resolve to the machine itself on common systems, besides `localhost` and its subdomains. */
const LOOPBACK_NAMES = new Set(['localhost.localdomain', 'ip6-localhost', 'ip6-loopback']);

/**
 * localhost (and `*.localhost`), 127.0.0.0/8, ::1, the unspecified 0.0.0.0 and ::, and unix sockets, however
 * spelt (`localhost.`, `127.1`, `2130706433`, `[::ffff:127.0.0.1]`…): places that are never a shared service.
 */
export function isLoopbackHost(host: string): boolean {
  // A trailing dot makes a name fully qualified; `localhost.` is still this machine.
  const bare = canonicalHost(host).replace(/\.+$/, '');
  if (bare === '' || bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (LOOPBACK_NAMES.has(bare)) return true;
  if (bare === '::' || bare === '::1') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.') || bare.startsWith('0.');
  const mapped = /^::ffff:(.+)$/.exec(bare)?.[1];
  return mapped !== undefined && (/^7f[0-9a-f]{2}:/.test(mapped) || /^0?:/.test(mapped));
}
