import { describe, expect, it } from 'vitest';
import {
  APP_ENVIRONMENTS,
  environmentsNamedIn,
  isDeployed,
  nodeEnvironmentFor,
} from './environments.js';

describe('environmentsNamedIn', () => {
  it.each([
    ['prod-db.internal', ['production']],
    ['ladder_prod2', ['production']],
    ['db.staging.example.com', ['staging']],
    ['ladder-stg', ['staging']],
    ['ladder_dev', ['development']],
    ['products.internal', []],
    ['reproduction-db', []],
    ['PROD-DB.internal', ['production']],
    ['app_prod12', ['production']],
    ['pr0d-db', []],
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

describe('isDeployed', () => {
  it('holds for staging and production only', () => {
    expect(APP_ENVIRONMENTS.filter((environment) => isDeployed(environment))).toEqual([
      'staging',
      'production',
    ]);
  });

  it('does not hold for a name that is not an environment, such as an unchecked APP_ENV', () => {
    for (const name of ['prod', 'Production', 'live', ''])
      expect(isDeployed(name), name).toBe(false);
  });
});
