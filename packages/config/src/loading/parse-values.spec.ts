import { describe, expect, it } from 'vitest';
import type { Problem } from '../problems.js';
import { variableEntry, type VariableName } from '../schema.js';
import { applyDefaults, parseValues } from './parse-values.js';
import type { ResolvedValue } from './resolve-values.js';

const fromProcess = (value: string): ResolvedValue => ({ value, origin: { kind: 'process' } });

describe('applyDefaults', () => {
  it('fills unset variables with their default for the environment, marked as defaults', () => {
    const raw = new Map<VariableName, ResolvedValue>([['LOG_LEVEL', fromProcess('warn')]]);
    applyDefaults(raw, 'development', new Set(), []);
    expect(raw.get('LOG_LEVEL')).toEqual(fromProcess('warn'));
    expect(raw.get('PUBLIC_URL')).toEqual({
      value: 'http://localhost:3000',
      origin: { kind: 'default' },
    });
  });

  it('names what a required variable looks like: the example when it is public, the format and _FILE when secret', () => {
    const problems: Problem[] = [];
    applyDefaults(new Map(), 'production', new Set(), problems);
    const publicUrl = problems.find((problem) => problem.variable === 'PUBLIC_URL');
    expect(publicUrl).toEqual({
      variable: 'PUBLIC_URL',
      rule: 'required',
      message: 'is required in production and not set',
      fix: 'set PUBLIC_URL (e.g. https://app.example.com)',
    });
    const secretKey = problems.find((problem) => problem.variable === 'SECRET_KEY');
    expect(secretKey).toEqual({
      variable: 'SECRET_KEY',
      rule: 'required',
      message: 'is required in production and not set',
      fix: `set SECRET_KEY (${variableEntry('SECRET_KEY').expected}), or SECRET_KEY_FILE=/path/to/secret`,
    });
  });

  it('reports nothing twice: a variable already reported stays unset and unmentioned', () => {
    const problems: Problem[] = [];
    const raw = new Map<VariableName, ResolvedValue>();
    applyDefaults(raw, 'production', new Set(['SECRET_KEY']), problems);
    expect(raw.has('SECRET_KEY')).toBe(false);
    expect(problems.map((problem) => problem.variable)).not.toContain('SECRET_KEY');
  });
});

describe('parseValues', () => {
  it('parses each value with its type and leaves APP_ENV to the loader', () => {
    const problems: Problem[] = [];
    const values = parseValues(
      new Map<VariableName, ResolvedValue>([
        ['PORT', fromProcess('8080')],
        ['APP_ENV', fromProcess('test')],
      ]),
      problems,
    );
    expect(values).toEqual({ PORT: 8080 });
    expect(problems).toEqual([]);
  });

  it('turns a value that does not parse into one problem with what it expects and an example', () => {
    const problems: Problem[] = [];
    parseValues(new Map<VariableName, ResolvedValue>([['PORT', fromProcess('eighty')]]), problems);
    const entry = variableEntry('PORT');
    expect(problems).toEqual([
      {
        variable: 'PORT',
        rule: entry.formatRule,
        message: `must be ${entry.expected}`,
        fix: `set PORT to ${entry.expected}, e.g. ${entry.example}`,
      },
    ]);
  });

  it('gives no example for a secret, so no secret-shaped text is printed', () => {
    const problems: Problem[] = [];
    parseValues(
      new Map<VariableName, ResolvedValue>([['DATABASE_URL', fromProcess('mysql://db/app')]]),
      problems,
    );
    expect(problems).toEqual([
      {
        variable: 'DATABASE_URL',
        rule: variableEntry('DATABASE_URL').formatRule,
        message: 'must start with postgres:// or postgresql://',
        fix: `set DATABASE_URL to ${variableEntry('DATABASE_URL').expected}`,
      },
    ]);
  });

  it('joins different messages for one value with "; "', () => {
    const problems: Problem[] = [];
    parseValues(
      new Map<VariableName, ResolvedValue>([['ALLOWED_HOSTS', fromProcess('a:1,b:2/x')]]),
      problems,
    );
    expect(problems[0]?.message).toBe(
      'entry 1 is not ' + hostEntry() + '; entry 2 is not ' + hostEntry(),
    );
  });
});

function hostEntry(): string {
  return 'host names without scheme or port (a leading dot allows subdomains, * allows any host)';
}
