import { describe, expect, it } from 'vitest';
import { reportRequestSchema } from './report-request.schema.js';

const issuesOf = (body: unknown) =>
  reportRequestSchema.safeParse(body).error?.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));

describe('reportRequestSchema', () => {
  it('accepts a report request', () => {
    expect(reportRequestSchema.parse({ title: ' Weekly ', periodDays: 7 })).toEqual({
      title: 'Weekly',
      periodDays: 7,
    });
  });

  it('refuses a NUL byte in the title, naming the field', () => {
    expect(issuesOf({ title: 'a\u0000b', periodDays: 1 })).toEqual([
      { path: 'title', message: 'must not contain NUL characters' },
    ]);
  });

  it('refuses a lone surrogate (invalid Unicode) in the title', () => {
    expect(issuesOf({ title: 'a\ud800b', periodDays: 1 })).toEqual([
      { path: 'title', message: 'must be valid Unicode' },
    ]);
  });

  it('accepts characters outside the basic plane', () => {
    expect(reportRequestSchema.parse({ title: 'Usage 📈', periodDays: 1 }).title).toBe('Usage 📈');
  });

  it('accepts an optional email and refuses a malformed one, naming the field', () => {
    expect(
      reportRequestSchema.parse({ title: 'Weekly', periodDays: 7, email: 'ann@example.com' }).email,
    ).toBe('ann@example.com');
    expect(issuesOf({ title: 'Weekly', periodDays: 7, email: 'not an address' })).toEqual([
      { path: 'email', message: 'Invalid email address' },
    ]);
  });
});
