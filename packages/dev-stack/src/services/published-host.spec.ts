import { describe, expect, it } from 'vitest';
import { publishedHost } from './published-host.js';

describe('publishedHost', () => {
  it('is the loopback address for a daemon on this machine, whatever testcontainers guessed', () => {
    expect(publishedHost('172.17.0.1', undefined)).toBe('127.0.0.1');
    expect(publishedHost('localhost', 'unix:///var/run/docker.sock')).toBe('127.0.0.1');
    expect(publishedHost('172.17.0.1', 'unix:///Users/dev/.colima/default/docker.sock')).toBe(
      '127.0.0.1',
    );
  });

  it("is testcontainers' host for a daemon reached over TCP", () => {
    expect(publishedHost('docker.internal.example', 'tcp://docker.internal.example:2376')).toBe(
      'docker.internal.example',
    );
  });
});
