import { describe, expect, it } from 'vitest';
import { describeReadiness } from './readiness-reason.js';

describe('describeReadiness', () => {
  it('names the worker that read a different configuration, without the fingerprints', () => {
    expect(
      describeReadiness({
        status: 'error',
        error: {
          workers: {
            status: 'down',
            message: 'configuration fingerprint mismatch: vm-123 (ab12cd/ef34)',
          },
        },
      }),
    ).toBe('worker vm-123 read a different configuration');
  });

  it('says when no worker has reported yet, and lists every failing check', () => {
    expect(
      describeReadiness({
        status: 'error',
        error: {
          migrations: { status: 'down', message: '1 pending: 0002_add_owner' },
          workers: { status: 'down', message: 'no live worker' },
        },
      }),
    ).toBe('migrations: 1 pending: 0002_add_owner; no worker has reported yet');
  });

  it('copes with answers that are not terminus JSON', () => {
    expect(describeReadiness('Bad gateway')).toBe('the web app is not ready yet');
    expect(describeReadiness({ status: 'shutting_down' })).toBe('the web app is shutting down');
  });
});
