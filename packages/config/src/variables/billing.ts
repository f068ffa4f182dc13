import { stripeSecretValue } from './value-types.js';
import { defineVariable } from './variable.js';

/** Stripe, optional: leave both unset to run without billing. */
export const billingVariables = {
  STRIPE_SECRET_KEY: defineVariable(
    stripeSecretValue({
      regex: /^(?:sk|rk)_(?:test|live)_[A-Za-z0-9]+$/,
      expected: 'a Stripe key (sk_test_…, sk_live_…, rk_test_… or rk_live_…)',
    }),
    {
      description: 'Stripe API key: live keys in production only, test keys everywhere else.',
      example: 'sk_test_…',
      apps: ['web', 'worker'],
      sensitive: true,
      configPath: 'stripe.secretKey',
      group: 'billing',
    },
  ),
  STRIPE_WEBHOOK_SECRET: defineVariable(
    stripeSecretValue({
      regex: /^whsec_[A-Za-z0-9]+$/,
      expected: 'a Stripe webhook signing secret (whsec_…)',
    }),
    {
      description: 'Verifies that webhook calls come from Stripe.',
      example: 'whsec_…',
      apps: ['web'],
      sensitive: true,
      configPath: 'stripe.webhookSecret',
      group: 'billing',
    },
  ),
};
