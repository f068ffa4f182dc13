import { describe, expect, it } from 'vitest';
import { hostMatcher } from './allowed-hosts.js';

describe('hostMatcher', () => {
  const matches = hostMatcher(['app.example.com', '.example.org', 'localhost', '[::1]']);

  it.each([
    'app.example.com',
    'APP.Example.com',
    'example.org',
    'eu.api.example.org',
    'localhost',
    '[::1]',
    '::1',
  ])('allows %s', (host) => expect(matches(host)).toBe(true));

  it.each(['evil.com', 'app.example.com.evil.com', 'notexample.org', 'example.com', '127.0.0.1'])(
    'refuses %s',
    (host) => expect(matches(host)).toBe(false),
  );

  it('allows anything with *', () => {
    expect(hostMatcher(['*'])('whatever.test')).toBe(true);
  });
});
