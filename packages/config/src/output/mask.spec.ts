import { describe, expect, it } from 'vitest';
import { maskSecret, maskUrl, secretFragments } from './mask.js';

describe('maskUrl', () => {
  it('masks the password and keeps user, host, port and database readable', () => {
    expect(maskUrl('postgres://ladder:s3cr3t@db.internal:5432/ladder')).toBe(
      'postgres://ladder:****@db.internal:5432/ladder',
    );
  });

  it('masks a password-only Redis URL', () => {
    expect(maskUrl('rediss://:s3cr3t@cache.internal:6380/0')).toBe(
      'rediss://:****@cache.internal:6380/0',
    );
  });

  it('masks password-like query parameters', () => {
    expect(maskUrl('postgres://db/app?sslmode=require&sslpassword=s3cr3t')).toBe(
      'postgres://db/app?sslmode=require&sslpassword=****',
    );
  });

  it('leaves a URL without credentials as it is', () => {
    expect(maskUrl('redis://localhost:6379/0')).toBe('redis://localhost:6379/0');
  });

  it('masks an unparseable value whole', () => {
    expect(maskUrl('not a url s3cr3t')).toBe('****');
  });
});

describe('maskSecret', () => {
  it('keeps only the kind of a known key', () => {
    expect(maskSecret('sk_live_4eC39HqLyjWDarjtT1zdp7dc')).toBe('sk_live_****');
    expect(maskSecret('whsec_abc123')).toBe('whsec_****');
  });

  it('masks anything else whole, whatever its length', () => {
    expect(maskSecret('q7VhX2m9LpR4tW8zKc1NbF6yGd3SjA5eHu0oIi')).toBe('****');
    expect(maskSecret('x')).toBe('****');
  });
});

describe('secretFragments', () => {
  it('holds the value, a URL password as written and decoded, and secret query parameters only', () => {
    expect(
      secretFragments(
        'smtps://mailer:p%40ss-w0rd@smtp.example.com?api_key=k3y-v4lue&mode=strict&token=',
      ),
    ).toEqual([
      'smtps://mailer:p%40ss-w0rd@smtp.example.com?api_key=k3y-v4lue&mode=strict&token=',
      'p%40ss-w0rd',
      'p@ss-w0rd',
      'k3y-v4lue',
    ]);
  });

  it('holds only the value when the URL has no password', () => {
    expect(secretFragments('rediss://cache.internal:6380/0')).toEqual([
      'rediss://cache.internal:6380/0',
    ]);
  });
});

describe('mask spelling', () => {
  it('shows the query-string mask as asterisks', () => {
    expect(maskUrl('redis://cache/0?token=abc')).toBe('redis://cache/0?token=****');
  });

  it('masks a value that only contains a URL whole', () => {
    expect(maskSecret('key=s3cr3t https://example.com')).toBe('****');
  });
});
