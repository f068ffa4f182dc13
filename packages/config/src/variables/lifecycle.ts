import { integerValue } from './value-types.js';
import { defineVariable } from './variable.js';

/** How processes stop: both bounds stay below the orchestrator's grace period (30 s in compose and Kubernetes). */
export const lifecycleVariables = {
  SHUTDOWN_TIMEOUT_SECONDS: defineVariable(integerValue(1, 600), {
    description:
      'On SIGTERM, how long in-flight requests and jobs may take to finish before they are cut off (jobs are then retried); keep it below the stop grace period.',
    example: '25',
    default: '25',
    apps: ['web', 'worker'],
    sensitive: false,
    configPath: 'lifecycle.shutdownTimeoutSeconds',
    group: 'lifecycle',
    fingerprinted: false,
  }),
  SHUTDOWN_DRAIN_SECONDS: defineVariable(integerValue(0, 120), {
    description:
      'On SIGTERM, how long the web app keeps serving with readiness at 503 before it stops accepting connections, so load balancers stop sending traffic first.',
    example: '5',
    default: { development: '0', test: '0', staging: '5', production: '5' },
    apps: ['web'],
    sensitive: false,
    configPath: 'lifecycle.drainSeconds',
    group: 'lifecycle',
  }),
};
