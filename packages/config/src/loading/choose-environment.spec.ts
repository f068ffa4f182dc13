import { describe, expect, it } from 'vitest';
import type { Problem } from '../problems.js';
import { checkEnvironmentAgreement, chooseEnvironment } from './choose-environment.js';
import type { Layer } from './layers.js';

const processLayer = (values: Record<string, string>): Layer => ({
  origin: { kind: 'process' },
  values,
});

function choose(appEnv: string | undefined) {
  const problems: Problem[] = [];
  const layers = appEnv === undefined ? [] : [processLayer({ APP_ENV: appEnv })];
  return { environment: chooseEnvironment(layers, problems), problems };
}

describe('chooseEnvironment', () => {
  it('takes the first layer that sets APP_ENV', () => {
    const problems: Problem[] = [];
    const layers = [processLayer({ APP_ENV: ' ' }), processLayer({ APP_ENV: 'staging' })];
    expect(chooseEnvironment(layers, problems)).toBe('staging');
    expect(problems).toEqual([]);
  });

  it('says how to set APP_ENV when nothing sets it', () => {
    expect(choose(undefined)).toEqual({
      environment: undefined,
      problems: [
        {
          variable: 'APP_ENV',
          rule: 'required',
          message: 'is not set; it must be one of development, staging, production, test',
          fix: 'set APP_ENV for this process (`pnpm dev` sets development for you)',
        },
      ],
    });
  });

  it.each([
    ['prod', 'production'],
    ['PROD', 'production'],
    ['Stage', 'staging'],
    ['testing', 'test'],
    ['dev', 'development'],
    ['live', 'development'],
    ['xyz', 'development'],
  ])('refuses APP_ENV=%s and suggests APP_ENV=%s', (value, suggestion) => {
    expect(choose(value)).toEqual({
      environment: undefined,
      problems: [
        {
          variable: 'APP_ENV',
          rule: 'allowed-values',
          message: `is "${value}", which is not an environment; it must be one of development, staging, production, test`,
          fix: `use the full name, e.g. APP_ENV=${suggestion}`,
        },
      ],
    });
  });
});

describe('checkEnvironmentAgreement', () => {
  it('names every layer set for another environment, and how to fix it', () => {
    const problems: Problem[] = [];
    checkEnvironmentAgreement(
      [
        processLayer({ APP_ENV: 'production' }),
        { origin: { kind: 'file', path: '/srv/app/.env.staging' }, values: { APP_ENV: 'staging' } },
        { origin: { kind: 'file', path: '/srv/app/.env.other' }, values: { APP_ENV: '' } },
      ],
      'production',
      problems,
    );
    expect(problems).toEqual([
      {
        variable: 'APP_ENV',
        rule: 'environment-mismatch',
        message: 'is staging in /srv/app/.env.staging, but this process runs as production',
        fix: 'use the settings made for production, or run as staging',
      },
    ]);
  });
});
