import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EnvironmentValues } from '../schema.js';
import { FINGERPRINTED_VARIABLES, fingerprintOf, formatFingerprint } from './fingerprint.js';

type Values = Partial<EnvironmentValues>;

const token = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
  minLength: 32,
  maxLength: 48,
});

/** Values both apps read, with the secrets given: a SECRET_KEY and the database and Redis passwords. */
function valuesWith(secretKey: string, databasePassword: string, redisPassword: string): Values {
  return {
    APP_ENV: 'production',
    PUBLIC_URL: 'https://app.example.com',
    QUEUE_PREFIX: 'shop',
    SECRET_KEY: secretKey,
    DATABASE_URL: `postgres://shop:${databasePassword}@db.internal.example.com:5432/shop`,
    REDIS_URL: `rediss://:${redisPassword}@cache.internal.example.com:6379/0`,
  };
}

describe('fingerprintOf', () => {
  it('covers SECRET_KEY and the connection URLs', () => {
    expect(FINGERPRINTED_VARIABLES).toEqual(
      expect.arrayContaining(['SECRET_KEY', 'DATABASE_URL', 'REDIS_URL', 'QUEUE_PREFIX']),
    );
  });

  it('is stable across releases for the same values, so old and new pods agree during a rollout', () => {
    const fingerprint = fingerprintOf(valuesWith('k'.repeat(40), 'database-pw', 'redis-pw'));
    expect(formatFingerprint(fingerprint)).toMatch(/^[0-9a-f]{12}\/[0-9a-f]{12}$/);
    // Declaring another fingerprinted variable changes the configuration half on purpose: update this value then.
    expect(formatFingerprint(fingerprint)).toMatchInlineSnapshot(`"02a25c6ec82f/9b4a0c523a3d"`);
  });

  it('changes its secrets half, and only that, with SECRET_KEY', () => {
    fc.assert(
      fc.property(token, token, token, (first, second, password) => {
        fc.pre(first !== second);
        const before = fingerprintOf(valuesWith(first, password, password));
        const after = fingerprintOf(valuesWith(second, password, password));
        expect(after.secrets).not.toBe(before.secrets);
        expect(after.config).toBe(before.config);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps its non-secret half the same whatever the secrets are', () => {
    fc.assert(
      fc.property(token, token, token, token, (key, password, otherKey, otherPassword) => {
        const config = fingerprintOf(valuesWith(key, password, password)).config;
        expect(fingerprintOf(valuesWith(otherKey, otherPassword, otherPassword)).config).toBe(
          config,
        );
        expect(
          fingerprintOf({ ...valuesWith(key, password, password), QUEUE_PREFIX: 'shop-eu' }).config,
        ).not.toBe(config);
      }),
      { numRuns: 50 },
    );
  });

  it('changes its secrets half when any secret changes', () => {
    fc.assert(
      fc.property(token, token, token, (key, password, other) => {
        fc.pre(password !== other);
        const base = fingerprintOf(valuesWith(key, password, password)).secrets;
        expect(fingerprintOf(valuesWith(key, other, password)).secrets).not.toBe(base);
        expect(fingerprintOf(valuesWith(key, password, other)).secrets).not.toBe(base);
      }),
      { numRuns: 50 },
    );
  });

  it('reveals nothing in its secrets half to someone who can guess every secret but SECRET_KEY', () => {
    fc.assert(
      fc.property(token, token, (key, password) => {
        const values = valuesWith(key, password, password);
        const { secrets } = fingerprintOf(values);
        // What a guesser could compute without SECRET_KEY: a plain hash, or an HMAC under a known key.
        const entries = JSON.stringify(
          FINGERPRINTED_VARIABLES.filter((name) =>
            ['SECRET_KEY', 'DATABASE_URL', 'REDIS_URL'].includes(name),
          )
            .sort()
            .map((name) => [name, values[name]]),
        );
        for (const guess of [
          createHash('sha256').update(entries).digest('hex'),
          createHmac('sha256', '').update(entries).digest('hex'),
        ]) {
          expect(guess.slice(0, 12)).not.toBe(secrets);
        }
      }),
      { numRuns: 50 },
    );
  });
});
