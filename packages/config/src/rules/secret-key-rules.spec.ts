import { describe, expect, it } from 'vitest';
import {
  inspect,
  problemKeys,
  productionVariables,
  STRONG_SECRET_KEY,
} from '../testing/fixtures.js';

function keys(secretKey: string): string[] {
  return problemKeys(inspect({ ...productionVariables(), SECRET_KEY: secretKey }));
}

describe('secret-key-length: the boundary at 32 characters', () => {
  it('refuses 31 characters', () => {
    expect(keys(STRONG_SECRET_KEY.slice(0, 31))).toEqual(['SECRET_KEY [secret-key-length]']);
  });

  it('accepts 32 characters', () => {
    expect(keys(STRONG_SECRET_KEY.slice(0, 32))).toEqual([]);
  });
});

describe('secret-key-variety: the boundary at 10 distinct characters', () => {
  it('refuses 9 distinct characters, however long the key', () => {
    expect(keys('Qz7Kx2Wm9'.repeat(6))).toEqual(['SECRET_KEY [secret-key-variety]']);
  });

  it('accepts 10 distinct characters', () => {
    expect(keys('Qz7Kx2Wm9R'.repeat(4))).toEqual([]);
  });
});

describe('secret-key-placeholder: one case per word, in any case', () => {
  it.each([
    'changeme',
    'change-me',
    'change_me',
    'replace',
    'replace-me',
    'example',
    'insecure',
    'placeholder',
    'secret-key',
    'secret_key',
    'secretkey',
    'do-not-deploy',
    'dummy',
    'default',
    'password',
    'sample',
    'todo',
  ])('refuses a key containing %s', (word) => {
    const inspection = inspect({
      ...productionVariables(),
      SECRET_KEY: `${STRONG_SECRET_KEY}${word.toUpperCase()}`,
    });
    expect(problemKeys(inspection)).toContain('SECRET_KEY [secret-key-placeholder]');
    expect(inspection.problems.map((problem) => problem.message)).toContain(
      `looks like a placeholder (it contains "${word.replace('replace-me', 'replace')}")`,
    );
  });
});

describe('placeholder: the marks left in example files', () => {
  it.each([
    'CHANGE_ME',
    'change-me',
    'Change Me',
    'changeme',
    'REPLACE_ME',
    'replace-me',
    'replaceme',
  ])('refuses a value still holding %s', (mark) => {
    expect(keys(STRONG_SECRET_KEY)).toEqual([]);
    expect(
      problemKeys(inspect({ ...productionVariables(), MEDIA_ROOT: `/var/lib/${mark}` })),
    ).toEqual(['MEDIA_ROOT [placeholder]']);
  });
});
