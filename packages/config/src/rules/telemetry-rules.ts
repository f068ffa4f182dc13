import { APP_ENVIRONMENTS, DEPLOYED_ENVIRONMENTS } from '../environments.js';
import { defineRule } from './rule.js';

/** Traces go somewhere that exists, and never onto the log stream of a deployed environment. */
export const telemetryRules = [
  defineRule({
    name: 'otlp-endpoint-required',
    environments: APP_ENVIRONMENTS,
    description: 'TRACES_OTLP_ENDPOINT is set whenever TRACES_EXPORTER=otlp.',
    check: ({ values }) =>
      values.TRACES_EXPORTER === 'otlp' && values.TRACES_OTLP_ENDPOINT === undefined
        ? [
            {
              variable: 'TRACES_OTLP_ENDPOINT',
              message: 'is required because TRACES_EXPORTER=otlp; spans would have nowhere to go',
              fix: "set TRACES_OTLP_ENDPOINT to this environment's collector (http://collector:4318), or TRACES_EXPORTER=none",
            },
          ]
        : [],
  }),
  defineRule({
    name: 'traces-console-local',
    environments: DEPLOYED_ENVIRONMENTS,
    description: 'TRACES_EXPORTER is not console (spans would be mixed into the JSON log lines).',
    check: ({ values }) =>
      values.TRACES_EXPORTER === 'console'
        ? [
            {
              variable: 'TRACES_EXPORTER',
              message:
                'is console; spans printed to stdout break the one-JSON-object-per-line logs',
              fix: 'set TRACES_EXPORTER=otlp with TRACES_OTLP_ENDPOINT, or none',
            },
          ]
        : [],
  }),
];
