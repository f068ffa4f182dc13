import type { ResourceKind } from '../variables/resource-kinds.js';
import { hostOf } from './url-parts.js';

/** One part of a value that names a place: a host, a domain, a path, a bucket or a key prefix. */
export interface Place {
  part: string;
  text: string;
  /** Hosts and domains can be this machine; paths, buckets and prefixes cannot. */
  isHost: boolean;
}

function pathOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname).replace(/^\/+|\/+$/g, '');
}

function urlPlaces(url: string): Place[] {
  const places: Place[] = [{ part: 'host', text: hostOf(url), isHost: true }];
  const path = pathOf(url);
  if (path !== '') places.push({ part: 'path', text: path, isHost: false });
  return places;
}

function addressDomain(sender: string): string {
  const address = /<([^<>]+)>/.exec(sender)?.[1] ?? sender;
  return address.slice(address.lastIndexOf('@') + 1).trim();
}

/**
 * The places a parsed value of this kind names. `*` entries are no place (the allowlist rules judge them), and a
 * host that is empty stands for a local socket.
 */
export function placesOf(kind: ResourceKind, value: unknown): Place[] {
  switch (kind) {
    case 'url':
      return typeof value === 'string' && URL.canParse(value) ? urlPlaces(value) : [];
    case 'host-list':
      return (value as string[])
        .filter((entry) => entry !== '*')
        .map((entry) => ({ part: 'host', text: entry.replace(/^\./, ''), isHost: true }));
    case 'origin-list':
      return (value as string[])
        .filter((entry) => entry !== '*' && URL.canParse(entry))
        .map((entry) => ({ part: 'host', text: hostOf(entry), isHost: true }));
    case 'email-address':
      return [{ part: 'domain', text: addressDomain(value as string), isHost: true }];
    case 'email-list':
      return (value as string[]).map((entry) => ({
        part: 'domain',
        text: addressDomain(entry),
        isHost: true,
      }));
    case 'bucket':
      return [{ part: 'bucket name', text: value as string, isHost: false }];
    case 'name':
      return [{ part: 'name', text: value as string, isHost: false }];
    case 'path':
      return [{ part: 'path', text: value as string, isHost: false }];
  }
}
