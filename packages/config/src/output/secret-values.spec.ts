import { describe, expect, it } from 'vitest';
import { inspect, productionVariables, STRONG_SECRET_KEY } from '../testing/fixtures.js';
import { secretValuesOf } from './secret-values.js';

describe('secretValuesOf', () => {
  it('lists every secret and the passwords inside secret URLs, longest first', () => {
    const config = inspect({
      ...productionVariables(),
      STRIPE_SECRET_KEY: 'sk_live_abcdef123456',
      STRIPE_WEBHOOK_SECRET: 'whsec_abcdef123456',
    }).config;
    if (!config) throw new Error('expected a valid config');
    const values = secretValuesOf(config);
    expect(values).toContain(STRONG_SECRET_KEY);
    expect(values).toContain('pg-Pa55-w0rd-Q9');
    expect(values).toContain('rd-Pa55-w0rd-Z3');
    expect(values).toContain('sk_live_abcdef123456');
    expect(values).toContain(productionVariables().DATABASE_URL);
    expect(values[0]?.length).toBeGreaterThanOrEqual(values.at(-1)?.length ?? 0);
  });

  it('lists nothing that is not a secret, no fragment shorter than 4 characters, sorted by length', () => {
    const variables = {
      ...productionVariables(),
      REDIS_URL: 'rediss://:abc@cache.internal.example.com:6379/0',
      SMTP_URL: 'smtps://mailer:m41l-Pa55@smtp.example.com:465?token=t0ken-v4lue&mode=strict',
    };
    const config = inspect(variables).config;
    if (!config) throw new Error('expected a valid config');
    const values = secretValuesOf(config);
    // The 3-character Redis password would redact every "abc" in a log line; a 4-character one is kept.
    expect(values).not.toContain('abc');
    expect(values).toContain('m41l-Pa55');
    expect(values).toContain('t0ken-v4lue');
    expect(values).not.toContain('strict');
    expect(values).not.toContain(productionVariables().PUBLIC_URL);
    expect(values).not.toContain(productionVariables().QUEUE_PREFIX);
    expect(values).toEqual([...values].sort((left, right) => right.length - left.length));
    expect(new Set(values).size).toBe(values.length);
    expect(values.every((value) => value.length >= 4)).toBe(true);
  });
});
