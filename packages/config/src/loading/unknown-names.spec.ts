import { describe, expect, it } from 'vitest';
import type { Layer } from './layers.js';
import { checkUnknownNames } from './unknown-names.js';

const file = (values: Record<string, string>, path = '/repo/.env.development'): Layer => ({
  origin: { kind: 'file', path },
  values,
});

describe('checkUnknownNames', () => {
  it('knows every declared variable and its _FILE form, and nothing else that merely ends in _FILE', () => {
    const { problems, warnings } = checkUnknownNames([
      file({
        SECRET_KEY: 'x',
        SECRET_KEY_FILE: '/run/key',
        LOG_LEVEL: 'info',
        NOT_A_VARIABLE_FILE: 'y',
      }),
    ]);
    expect(problems).toEqual([]);
    expect(warnings.map((warning) => warning.variable)).toEqual(['NOT_A_VARIABLE_FILE']);
  });

  it.each([
    ['LOG_LEVL', 'did you mean LOG_LEVEL?'],
    ['SECRT_KY', 'did you mean SECRET_KEY?'],
    ['DATABAS_UR', 'did you mean DATABASE_URL?'],
    ['LG_LVL', 'did you mean LOG_LEVEL?'],
    ['COMPLETELY_DIFFERENT', 'remove it, or declare it in packages/config'],
  ])('warns about %s in a file: %s', (name, fix) => {
    expect(checkUnknownNames([file({ [name]: '1' })]).warnings).toEqual([
      {
        variable: name,
        rule: 'unknown-variable',
        message: 'in /repo/.env.development is not read by the application',
        fix,
      },
    ]);
  });

  it('suggests only within three edits', () => {
    // LG_LVL is three edits from LOG_LEVEL; L_LVL is four.
    expect(checkUnknownNames([file({ L_LVL: '1' })]).warnings[0]?.fix).toBe(
      'remove it, or declare it in packages/config',
    );
  });

  it('tells to set loader variables in the process environment, where the loader reads them', () => {
    expect(checkUnknownNames([file({ ENV_FILE: '.env.other' })]).warnings).toEqual([
      {
        variable: 'ENV_FILE',
        rule: 'loader-variable-in-file',
        message: 'in /repo/.env.development is not read by the application',
        fix: 'set ENV_FILE in the process environment instead',
      },
    ]);
  });

  it('refuses an undeclared feature flag anywhere, once, with the closest declared flag', () => {
    const { problems, warnings } = checkUnknownNames([
      { origin: { kind: 'process' }, values: { FEATURE_NOPE_AT_ALL_HERE: 'true' } },
      file({ FEATURE_NOPE_AT_ALL_HERE: 'true' }),
    ]);
    expect(warnings).toEqual([]);
    expect(problems).toEqual([
      {
        variable: 'FEATURE_NOPE_AT_ALL_HERE',
        rule: 'unknown-feature-flag',
        message: 'is not a declared feature flag',
        fix: 'remove it, or declare it in packages/config (flags are declared in packages/config/src/variables/features.ts)',
      },
    ]);
  });

  it('warns once per name, however many files repeat it', () => {
    const warnings = checkUnknownNames([
      file({ STRAY: '1' }, '/repo/.env.test.local'),
      file({ STRAY: '2' }, '/repo/.env.test'),
    ]).warnings;
    expect(warnings.map((warning) => warning.message)).toEqual([
      'in /repo/.env.test.local is not read by the application',
    ]);
  });

  it('ignores unknown names in the process environment, which holds settings of every tool', () => {
    expect(checkUnknownNames([{ origin: { kind: 'process' }, values: { HOME: '/root' } }])).toEqual(
      {
        problems: [],
        warnings: [],
      },
    );
  });
});
