import type { AppEnvironment } from '../environments.js';
import { booleanValue } from './value-types.js';
import { defineVariable } from './variable.js';

function featureFlag<const Name extends string>(
  name: Name,
  description: string,
  defaults: Record<AppEnvironment, boolean>,
) {
  return defineVariable(booleanValue(), {
    description,
    example: 'true',
    default: {
      development: String(defaults.development),
      test: String(defaults.test),
      staging: String(defaults.staging),
      production: String(defaults.production),
    },
    apps: ['web', 'worker'],
    sensitive: false,
    configPath: `features.${name}`,
    group: 'features',
  });
}

/**
 * Feature flags: `FEATURE_<NAME>`, a default per environment that the environment can override. Add a flag here
 * and it appears in the config object (as `features.<camelCaseName>`), the docs and the status page.
 * A FEATURE_* variable that is not declared here is refused, so a typo cannot silently turn a flag off.
 */
export const featureVariables = {
  FEATURE_NEW_CHECKOUT: featureFlag(
    'newCheckout',
    'The new checkout flow: on in development and staging, off in production.',
    {
      development: true,
      staging: true,
      production: false,
      test: false,
    },
  ),
};
