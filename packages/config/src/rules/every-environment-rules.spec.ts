import { describe, expect, it } from 'vitest';
import { inspect, testVariables } from '../testing/fixtures.js';

describe('management-port-private', () => {
  it('names each management port that shares PORT, with a port of its own to use instead', () => {
    const inspection = inspect({
      ...testVariables(),
      PORT: '8080',
      MANAGEMENT_PORT: '8080',
      WORKER_MANAGEMENT_PORT: '8080',
    });
    expect(inspection.problems).toEqual([
      {
        variable: 'MANAGEMENT_PORT',
        rule: 'management-port-private',
        message: 'equals PORT (8080), which would put the ops surface on the public port',
        fix: 'give MANAGEMENT_PORT a port of its own, e.g. 9464',
      },
      {
        variable: 'WORKER_MANAGEMENT_PORT',
        rule: 'management-port-private',
        message: 'equals PORT (8080), which would put the ops surface on the public port',
        fix: 'give WORKER_MANAGEMENT_PORT a port of its own, e.g. 9465',
      },
    ]);
  });
});
