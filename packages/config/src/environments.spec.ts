import { describe, expect, it } from 'vitest';
import { environmentsNamedIn, nodeEnvironmentFor } from './environments.js';

describe('environmentsNamedIn', () => {
  it.each([
    ['prod-db.internal', ['production']],
    ['ladder_prod2', ['production']],
    ['db.staging.example.com', ['staging']],
    ['ladder-stg', ['staging']],
    ['ladder_dev', ['development']],
    ['products.internal', []],
    ['reproduction-db', []],
    ['', []],
  ])('finds the environments named by the words of %s', (text, expected) => {
    expect(environmentsNamedIn(text)).toEqual(expected);
  });
});

describe('nodeEnvironmentFor', () => {
  it('runs staging and production as NODE_ENV=production', () => {
    expect(nodeEnvironmentFor('staging')).toBe('production');
    expect(nodeEnvironmentFor('production')).toBe('production');
    expect(nodeEnvironmentFor('development')).toBe('development');
    expect(nodeEnvironmentFor('test')).toBe('test');
  });
});
