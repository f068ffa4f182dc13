import { describe, expect, it } from 'vitest';
import {
  booleanValue,
  choiceValue,
  emailSenderValue,
  hostListValue,
  integerValue,
  originListValue,
  ratioValue,
  stripeSecretValue,
  trustProxyValue,
  urlValue,
} from './value-types.js';

describe('booleanValue', () => {
  const { schema } = booleanValue();

  it.each([
    ['true', true],
    ['TRUE', true],
    ['Yes', true],
    ['1', true],
    ['false', false],
    ['No', false],
    ['0', false],
  ])('reads %s as %s', (raw, expected) => {
    expect(schema.parse(raw)).toBe(expected);
  });

  it.each(['on', 'off', 'y', 'n', 'enabled', '2', 'truthy'])('refuses %s', (raw) => {
    expect(schema.safeParse(raw).success).toBe(false);
  });
});

describe('integerValue', () => {
  const { schema } = integerValue(1, 65535);

  it('reads whole numbers within range', () => {
    expect(schema.parse('8080')).toBe(8080);
  });

  it.each(['0', '65536', '80.5', '-1', 'eighty', '1e3'])('refuses %s', (raw) => {
    expect(schema.safeParse(raw).success).toBe(false);
  });
});

describe('choiceValue', () => {
  it('is exact by default and can ignore case', () => {
    expect(choiceValue(['local', 's3']).schema.safeParse('S3').success).toBe(false);
    expect(choiceValue(['local', 's3'], { ignoreCase: true }).schema.parse('S3')).toBe('s3');
  });
});

describe('urlValue', () => {
  const { schema } = urlValue(['postgres', 'postgresql']);

  it('accepts both postgres schemes', () => {
    expect(schema.safeParse('postgres://u:p@db:5432/app').success).toBe(true);
    expect(schema.safeParse('postgresql://db/app').success).toBe(true);
  });

  it('names the expected schemes when the scheme is wrong', () => {
    const result = schema.safeParse('mysql://u:p@db/app');
    expect(result.error?.issues[0]?.message).toBe('must start with postgres:// or postgresql://');
  });

  it('refuses text that is not a URL without quoting it', () => {
    const result = schema.safeParse('not a url with secret hunter2');
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues.map((issue) => issue.message))).not.toContain(
      'hunter2',
    );
  });
});

describe('lists', () => {
  it('splits on commas, trims and drops empty entries', () => {
    expect(hostListValue().schema.parse(' app.example.com , .example.com,,localhost ')).toEqual([
      'app.example.com',
      '.example.com',
      'localhost',
    ]);
  });

  it('accepts IP addresses and bracketed IPv6 as hosts', () => {
    expect(hostListValue().schema.parse('127.0.0.1,[::1],10.0.0.5')).toEqual([
      '127.0.0.1',
      '[::1]',
      '10.0.0.5',
    ]);
  });

  it('refuses hosts with a scheme or port, naming the entry without quoting it', () => {
    const result = hostListValue().schema.safeParse('app.example.com,https://evil.example.com:443');
    expect(result.error?.issues[0]?.message).toContain('entry 2');
    expect(result.error?.issues[0]?.message).not.toContain('evil.example.com');
  });

  it('accepts origins and refuses paths', () => {
    expect(
      originListValue().schema.parse('https://app.example.com,http://localhost:5173'),
    ).toHaveLength(2);
    expect(originListValue().schema.safeParse('https://app.example.com/path').success).toBe(false);
  });
});

describe('trustProxyValue', () => {
  const { schema } = trustProxyValue();

  it.each([
    ['false', false],
    ['true', true],
    ['2', 2],
    ['loopback, 10.0.0.0/8', ['loopback', '10.0.0.0/8']],
  ])('reads %s', (raw, expected) => {
    expect(schema.parse(raw)).toEqual(expected);
  });

  it('refuses names that are not addresses', () => {
    expect(schema.safeParse('my-proxy').success).toBe(false);
  });
});

describe('emailSenderValue', () => {
  it('accepts a bare address or a named one', () => {
    expect(emailSenderValue().schema.safeParse('noreply@example.com').success).toBe(true);
    expect(emailSenderValue().schema.safeParse('Ladder <noreply@example.com>').success).toBe(true);
    expect(emailSenderValue().schema.safeParse('Ladder noreply').success).toBe(false);
  });
});

describe('stripeSecretValue', () => {
  const { schema } = stripeSecretValue({ regex: /^sk_test_[a-z0-9]+$/, expected: 'a test key' });

  it('calls a publishable key by its name, without quoting it', () => {
    const result = schema.safeParse('pk_live_abc123');
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'is a publishable key (pk_…), which is public and cannot authenticate the server',
    ]);
  });

  it('names the expected shape for anything else, and accepts a match', () => {
    expect(schema.safeParse('whsec_abc').error?.issues[0]?.message).toBe('must be a test key');
    expect(schema.safeParse('sk_test_abc123').success).toBe(true);
  });
});

describe('ratioValue', () => {
  const { schema } = ratioValue();

  it.each([
    ['0', 0],
    ['1', 1],
    ['0.1', 0.1],
    ['.25', 0.25],
    ['1.0', 1],
  ])('reads %s as %s', (raw, expected) => {
    expect(schema.parse(raw)).toBe(expected);
  });

  it.each(['1.5', '-0.1', '10%', 'half', '', '0.', '2'])('refuses %s', (raw) => {
    expect(schema.safeParse(raw).success).toBe(false);
  });
});
