import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * How one variable's raw string becomes a typed value. `rule` names the check in problem reports and
 * `expected` says, in a few words, what a valid value looks like. Messages never quote the value itself:
 * the same types parse secrets.
 */
export interface ValueType<Output> {
  schema: z.ZodType<Output, string>;
  rule: string;
  expected: string;
}

const BOOLEAN_WORDS = 'true or false (1/0 and yes/no also work, in any case)';

export function booleanValue(): ValueType<boolean> {
  return {
    schema: z.stringbool({
      truthy: ['true', '1', 'yes'],
      falsy: ['false', '0', 'no'],
      case: 'insensitive',
      error: `must be ${BOOLEAN_WORDS}`,
    }),
    rule: 'boolean',
    expected: BOOLEAN_WORDS,
  };
}

export function integerValue(minimum: number, maximum: number): ValueType<number> {
  const expected = `a whole number from ${minimum} to ${maximum}`;
  return {
    schema: z
      .string()
      .regex(/^\d+$/, { error: `must be ${expected}` })
      .transform(Number)
      .pipe(
        z
          .number()
          .int()
          .min(minimum, { error: `must be ${expected}` })
          .max(maximum, { error: `must be ${expected}` }),
      ),
    rule: 'integer',
    expected,
  };
}

/** A decimal from 0 to 1 (`0.1`, `1`, `.25`), such as a sampling ratio. */
export function ratioValue(): ValueType<number> {
  const expected = 'a decimal number from 0 to 1, such as 0.1';
  return {
    schema: z
      .string()
      .regex(/^(?:0|1|0?\.\d+|1\.0+)$/, { error: `must be ${expected}` })
      .transform(Number),
    rule: 'ratio',
    expected,
  };
}

export function choiceValue<const Choice extends string>(
  choices: readonly [Choice, ...Choice[]],
  options: { ignoreCase?: boolean } = {},
): ValueType<Choice> {
  const expected = `one of ${choices.join(', ')}`;
  const choice = z.enum(choices, { error: `must be ${expected}` });
  return {
    schema: options.ignoreCase ? z.string().toLowerCase().pipe(choice) : choice,
    rule: 'allowed-values',
    expected,
  };
}

export function textValue(pattern?: { regex: RegExp; expected: string }): ValueType<string> {
  if (!pattern) return { schema: z.string(), rule: 'text', expected: 'any text' };
  return {
    schema: z.string().regex(pattern.regex, { error: `must be ${pattern.expected}` }),
    rule: 'format',
    expected: pattern.expected,
  };
}

/**
 * A Stripe secret of one shape. A publishable key (pk_…) gets its own message: it is public, cannot authenticate
 * the server, and pasting it into a secret slot is the usual slip.
 */
export function stripeSecretValue(pattern: { regex: RegExp; expected: string }): ValueType<string> {
  return {
    schema: z.string().check((context) => {
      const publishable = /^pk_(?:test|live)_/.test(context.value);
      if (publishable || !pattern.regex.test(context.value)) {
        context.issues.push({
          code: 'custom',
          input: context.value,
          message: publishable
            ? 'is a publishable key (pk_…), which is public and cannot authenticate the server'
            : `must be ${pattern.expected}`,
        });
      }
    }),
    rule: 'stripe-secret',
    expected: pattern.expected,
  };
}

export function pathValue(): ValueType<string> {
  return {
    schema: z.string(),
    rule: 'path',
    expected: 'a folder path (absolute, or relative to the repository root)',
  };
}

/** Parses a URL with `new URL` and checks its scheme; the value keeps its original spelling. */
export function urlValue(protocols: readonly string[]): ValueType<string> {
  const schemes = protocols.map((protocol) => `${protocol}://`).join(' or ');
  const expected = `a ${schemes} URL`;
  return {
    schema: z.string().check((context) => {
      const parsed = URL.canParse(context.value) ? new URL(context.value) : undefined;
      if (!parsed) {
        context.issues.push({
          code: 'custom',
          input: context.value,
          message: `is not a valid URL; expected ${expected}`,
        });
      } else if (!protocols.includes(parsed.protocol.slice(0, -1))) {
        context.issues.push({
          code: 'custom',
          input: context.value,
          message: `must start with ${schemes}`,
        });
      }
    }),
    rule: 'url-scheme',
    expected,
  };
}

/** A comma-separated list, trimmed, empty entries dropped; each entry is checked by `entry`. */
function listValue(
  entry: { test: (item: string) => boolean; expected: string },
  rule: string,
): ValueType<string[]> {
  const expected = `a comma-separated list of ${entry.expected}`;
  return {
    schema: z
      .string()
      .transform((raw) =>
        raw
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item.length > 0),
      )
      .check((context) => {
        context.value.forEach((item, index) => {
          if (!entry.test(item)) {
            context.issues.push({
              code: 'custom',
              input: context.value,
              message: `entry ${index + 1} is not ${entry.expected}`,
            });
          }
        });
      }),
    rule,
    expected,
  };
}

const HOSTNAME =
  /^\.?(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/i;

/** Host names as a browser sends them in the Host header, without port; `.example.com` also allows subdomains. */
export function hostListValue(): ValueType<string[]> {
  return listValue(
    {
      test: (item) =>
        item === '*' || HOSTNAME.test(item) || isIP(item.replace(/^\[|\]$/g, '')) !== 0,
      expected:
        'host names without scheme or port (a leading dot allows subdomains, * allows any host)',
    },
    'host-list',
  );
}

/** Browser origins: scheme, host and optional port, nothing else. */
export function originListValue(): ValueType<string[]> {
  return listValue(
    {
      test: (item) => {
        if (item === '*') return true;
        if (!URL.canParse(item)) return false;
        const url = new URL(item);
        return (
          (url.protocol === 'http:' || url.protocol === 'https:') &&
          url.origin === item.toLowerCase().replace(/\/$/, '')
        );
      },
      expected: 'origins like https://app.example.com (scheme, host and optional port, no path)',
    },
    'origin-list',
  );
}

/** What Express accepts as `trust proxy`, minus the risky parts: a hop count, true/false, or addresses. */
export type TrustProxy = boolean | number | string[];

export function trustProxyValue(): ValueType<TrustProxy> {
  const expected =
    'false, true, a number of proxy hops, or a comma-separated list of addresses/subnets (loopback, linklocal, uniquelocal allowed)';
  const named = new Set(['loopback', 'linklocal', 'uniquelocal']);
  const isAddress = (item: string): boolean => {
    if (named.has(item)) return true;
    const [address = '', prefix, ...rest] = item.split('/');
    if (rest.length > 0) return false;
    if (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) return false;
    return isIP(address) !== 0;
  };
  return {
    schema: z.string().transform((raw, context): TrustProxy => {
      const lower = raw.toLowerCase();
      if (lower === 'true') return true;
      if (lower === 'false') return false;
      if (/^\d+$/.test(raw)) return Number(raw);
      const items = raw
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
      if (items.length > 0 && items.every(isAddress)) return items;
      context.issues.push({ code: 'custom', input: raw, message: `must be ${expected}` });
      return z.NEVER;
    }),
    rule: 'trust-proxy',
    expected,
  };
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;

/** `team@example.com` or `Team <team@example.com>`. */
export function emailSenderValue(): ValueType<string> {
  const expected = 'an address like "Ladder <noreply@example.com>" or noreply@example.com';
  return {
    schema: z.string().check((context) => {
      const match = /^(?:[^<>]*<([^<>]+)>|([^<>]+))$/.exec(context.value);
      const address = (match?.[1] ?? match?.[2] ?? '').trim();
      if (!EMAIL.test(address)) {
        context.issues.push({
          code: 'custom',
          input: context.value,
          message: `must be ${expected}`,
        });
      }
    }),
    rule: 'email',
    expected,
  };
}

/** Mail recipients: whole addresses, or `@example.com` for every address at that domain. */
export function recipientListValue(): ValueType<string[]> {
  return listValue(
    {
      test: (item) =>
        item.startsWith('@')
          ? HOSTNAME.test(item.slice(1)) && !item.startsWith('@.')
          : EMAIL.test(item),
      expected: 'addresses (qa@example.com) or whole domains (@example.com)',
    },
    'recipient-list',
  );
}
