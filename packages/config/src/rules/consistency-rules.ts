import { hostMatcher } from '../allowed-hosts.js';
import { APP_ENVIRONMENTS, DEPLOYED_ENVIRONMENTS } from '../environments.js';
import { defineRule } from './rule.js';

/** Settings that are each valid alone but contradict one another. */
export const consistencyRules = [
  defineRule({
    name: 'public-url-allowed',
    environments: APP_ENVIRONMENTS,
    description:
      'The host of PUBLIC_URL is allowed by ALLOWED_HOSTS; otherwise every request to the public address gets 400.',
    check: ({ values }) => {
      if (values.PUBLIC_URL === undefined || values.ALLOWED_HOSTS === undefined) return [];
      const host = new URL(values.PUBLIC_URL).hostname;
      return hostMatcher(values.ALLOWED_HOSTS)(host)
        ? []
        : [
            {
              variable: 'ALLOWED_HOSTS',
              message: `does not allow ${host}, the host of PUBLIC_URL, so every request to the public address would get 400`,
              fix: `add ${host} to ALLOWED_HOSTS, or correct PUBLIC_URL`,
            },
          ];
    },
  }),
  defineRule({
    name: 'stripe-pair',
    environments: APP_ENVIRONMENTS,
    description:
      'STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set together or not at all (a webhook secret from the same Stripe mode as the key).',
    check: ({ raw }) => {
      const key = raw.STRIPE_SECRET_KEY !== undefined;
      const webhook = raw.STRIPE_WEBHOOK_SECRET !== undefined;
      if (key === webhook) return [];
      return key
        ? [
            {
              variable: 'STRIPE_WEBHOOK_SECRET',
              message:
                'is missing while STRIPE_SECRET_KEY is set, so no Stripe event (payment succeeded, subscription ended) could be verified',
              fix: 'add the signing secret (whsec_…) of the webhook endpoint in the same Stripe mode as the key',
            },
          ]
        : [
            {
              variable: 'STRIPE_SECRET_KEY',
              message: 'is missing while STRIPE_WEBHOOK_SECRET is set',
              fix: 'set the Stripe secret key of the same mode as the webhook, or remove STRIPE_WEBHOOK_SECRET',
            },
          ];
    },
  }),
  defineRule({
    name: 'trust-proxy-bounded',
    environments: DEPLOYED_ENVIRONMENTS,
    description:
      'TRUST_PROXY is a hop count or an address list, never true: trusting every hop makes X-Forwarded-For client-controlled.',
    check: ({ values }) =>
      values.TRUST_PROXY === true
        ? [
            {
              variable: 'TRUST_PROXY',
              message:
                'is true, so every hop is trusted: any client can set X-Forwarded-For, pick its own IP and slip past per-client rate limits',
              fix: 'set TRUST_PROXY to the number of proxies in front of the app (1 behind one ingress) or their addresses',
            },
          ]
        : [],
  }),
];
