import { describe, expect, it } from 'vitest';
import { placesOf } from './resource-places.js';

describe('placesOf', () => {
  it('reads a URL as its host and its path, decoded and without slashes', () => {
    expect(placesOf('url', 'postgres://u:p@DB.internal:5432//shop%5Fstaging//')).toEqual([
      { part: 'host', text: 'db.internal', isHost: true },
      { part: 'path', text: 'shop_staging', isHost: false },
    ]);
    expect(placesOf('url', 'redis://cache.internal:6379')).toEqual([
      { part: 'host', text: 'cache.internal', isHost: true },
    ]);
    expect(placesOf('url', 'not a url')).toEqual([]);
  });

  it('reads host and origin lists entry by entry, skipping *', () => {
    expect(placesOf('host-list', ['*', '.app.example.com', 'api.example.com'])).toEqual([
      { part: 'host', text: 'app.example.com', isHost: true },
      { part: 'host', text: 'api.example.com', isHost: true },
    ]);
    expect(placesOf('origin-list', ['*', 'https://App.example.com:8443'])).toEqual([
      { part: 'host', text: 'app.example.com', isHost: true },
    ]);
  });

  it('reads the domain of a sender, bare or named', () => {
    expect(placesOf('email-address', 'Shop <no-reply@mail.example.com>')).toEqual([
      { part: 'domain', text: 'mail.example.com', isHost: true },
    ]);
    expect(placesOf('email-address', 'no-reply@mail.example.com ')).toEqual([
      { part: 'domain', text: 'mail.example.com', isHost: true },
    ]);
  });

  it('reads buckets, names and paths whole, as places that are never a host', () => {
    expect(placesOf('bucket', 'acme-uploads')).toEqual([
      { part: 'bucket name', text: 'acme-uploads', isHost: false },
    ]);
    expect(placesOf('name', 'shop')).toEqual([{ part: 'name', text: 'shop', isHost: false }]);
    expect(placesOf('path', '/var/lib/shop')).toEqual([
      { part: 'path', text: '/var/lib/shop', isHost: false },
    ]);
  });
});
