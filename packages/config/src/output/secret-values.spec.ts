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
});
