import { describe, expect, it } from 'vitest';
import { cleanValue, describeOrigin, whereSet } from './layers.js';

describe('cleanValue', () => {
  it('trims, and counts empty or blank values as unset', () => {
    expect(cleanValue('  info \n')).toBe('info');
    expect(cleanValue('')).toBeUndefined();
    expect(cleanValue('   ')).toBeUndefined();
    expect(cleanValue(undefined)).toBeUndefined();
  });
});

describe('where a value came from', () => {
  it.each([
    [{ kind: 'flag' } as const, '--env flag', 'by --env'],
    [{ kind: 'process' } as const, 'process env', 'in the process environment'],
    [{ kind: 'default' } as const, 'default', 'by default'],
    [
      { kind: 'file', path: '/repo/.env.development' } as const,
      'file .env.development',
      'in /repo/.env.development',
    ],
  ])('describes %j as "%s" and "%s"', (origin, described, where) => {
    expect(describeOrigin(origin, '/repo')).toBe(described);
    expect(whereSet(origin)).toBe(where);
  });

  it('keeps the full path of a file outside the repository, or when there is no repository', () => {
    expect(describeOrigin({ kind: 'file', path: '/etc/app.env' }, undefined)).toBe(
      'file /etc/app.env',
    );
  });
});
