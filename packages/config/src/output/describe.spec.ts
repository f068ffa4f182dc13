import { describe, expect, it } from 'vitest';
import { inspect, productionVariables } from '../testing/fixtures.js';
import { formatVariableTable, summarizeConfig } from './describe.js';

describe('summarizeConfig', () => {
  it('lists each set variable with its masked value, and the fingerprint', () => {
    const config = inspect(productionVariables()).config;
    if (!config) throw new Error('expected a valid config');
    const summary = summarizeConfig(config);
    expect(summary.APP_ENV).toBe('production');
    expect(summary.SECRET_KEY).toBe('****');
    expect(summary.DATABASE_URL).toBe('postgres://ladder:****@db.internal.example.com:5432/ladder');
    expect(summary.FINGERPRINT).toMatch(/^[0-9a-f]{12}\/[0-9a-f]{12}$/);
    expect(Object.keys(summary)).not.toContain('S3_ENDPOINT');
  });
});

describe('formatVariableTable', () => {
  it('aligns names and values in columns and spells an unset value', () => {
    const table = formatVariableTable([
      { name: 'PORT', shown: '8080', origin: 'default' },
      { name: 'DATABASE_URL', shown: 'postgres://shop:****@db:5432/shop', origin: 'process' },
      { name: 'S3_ENDPOINT', shown: undefined, origin: 'unset' },
    ] as Parameters<typeof formatVariableTable>[0]);
    expect(table.split('\n')).toEqual([
      'PORT          8080                               default',
      'DATABASE_URL  postgres://shop:****@db:5432/shop  process',
      'S3_ENDPOINT   (unset)                            unset',
    ]);
  });
});
