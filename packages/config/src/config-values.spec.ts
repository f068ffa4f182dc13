import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Config } from './config-object.js';
import { configValues } from './config-values.js';
import { environmentSchema } from './schema.js';
import { integerValue, textValue } from './variables/value-types.js';
import { defineVariable } from './variables/variable.js';

/** A slice as a team would add one: declared once, with no mapping anywhere else. */
const widgetVariables = {
  WIDGET_LIMIT: defineVariable(integerValue(1, 50), {
    description: 'How many widgets a page shows.',
    example: '10',
    default: '10',
    apps: ['web'],
    sensitive: false,
    configPath: 'widgets.limit',
    group: 'widgets',
  }),
  WIDGET_THEME: defineVariable(textValue(), {
    description: 'Theme name; optional.',
    example: 'dark',
    apps: ['web'],
    sensitive: false,
    configPath: 'widgets.look.theme',
    group: 'widgets',
  }),
  WIDGET_API_URL: defineVariable(textValue(), {
    description: 'Required once deployed, defaulted locally.',
    example: 'https://widgets.example.com',
    default: { development: 'http://localhost:4000', test: 'http://localhost:4000' },
    requiredIn: ['staging', 'production'],
    apps: ['web'],
    sensitive: false,
    configPath: 'widgets.apiUrl',
    group: 'widgets',
  }),
};

const shape = { PORT: environmentSchema.shape.PORT, ...widgetVariables };

describe('the config object derived from configPath', () => {
  it('puts a newly declared variable, typed, at its configPath', () => {
    const values = configValues(shape, {
      PORT: 3000,
      WIDGET_LIMIT: 12,
      WIDGET_API_URL: 'http://localhost:4000',
    });
    expect(values).toEqual({
      http: { port: 3000 },
      widgets: { limit: 12, look: { theme: undefined }, apiUrl: 'http://localhost:4000' },
    });
    expectTypeOf(values.widgets.limit).toEqualTypeOf<number>();
    expectTypeOf(values.widgets.apiUrl).toEqualTypeOf<string>();
    expectTypeOf(values.widgets.look.theme).toEqualTypeOf<string | undefined>();
    // @ts-expect-error -- nothing was declared at widgets.size
    expect(values.widgets.size).toBeUndefined();
  });

  it('refuses to build a value that every environment guarantees but validation left out', () => {
    expect(() => configValues(shape, { PORT: 3000 })).toThrow(
      'WIDGET_LIMIT is missing after validation',
    );
  });

  it('types the real configuration the same way', () => {
    expectTypeOf<Config['http']['port']>().toEqualTypeOf<number>();
    expectTypeOf<Config['database']['url']>().toEqualTypeOf<string>();
    expectTypeOf<Config['http']['publicUrl']>().toEqualTypeOf<string>();
    expectTypeOf<Config['email']['from']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Config['stripe']['secretKey']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Config['features']['newCheckout']>().toEqualTypeOf<boolean>();
    expectTypeOf<Config['appEnv']>().toEqualTypeOf<
      'development' | 'staging' | 'production' | 'test'
    >();
  });
});
