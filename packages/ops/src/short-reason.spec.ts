import { describe, expect, it } from 'vitest';
import { shortReason } from './short-reason.js';

describe('shortReason', () => {
  it('names known socket errors', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), {
      code: 'ECONNREFUSED',
    });
    expect(shortReason(refused, 'query failed')).toBe('connection refused');
  });

  it('gives the fallback, never the message, for anything else', () => {
    const error = Object.assign(new Error('Failed query: select * from "reports" where id = $1'), {
      code: '42P01',
    });
    expect(shortReason(error, 'query failed')).toBe('query failed');
  });

  it('says a timeout timed out', () => {
    const error = new Error('no answer within 2000 ms');
    error.name = 'TimeoutError';
    expect(shortReason(error, 'query failed')).toBe('timed out');
  });
});
