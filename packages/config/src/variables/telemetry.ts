import { choiceValue, ratioValue, urlValue } from './value-types.js';
import { defineVariable } from './variable.js';

const TRACE_EXPORTERS = ['none', 'console', 'otlp'] as const;

/**
 * Where traces go. Names avoid the OTEL_* prefix on purpose: the OpenTelemetry SDK reads those from the process
 * environment by itself, which would bypass the files, the checks and the fingerprint.
 */
export const telemetryVariables = {
  TRACES_EXPORTER: defineVariable(choiceValue(TRACE_EXPORTERS, { ignoreCase: true }), {
    description:
      'none records no spans; console prints them (development only); otlp sends them to TRACES_OTLP_ENDPOINT.',
    example: 'otlp',
    default: 'none',
    apps: ['web', 'worker'],
    sensitive: false,
    configPath: 'telemetry.tracesExporter',
    group: 'telemetry',
    exampleFiles: { development: 'none', staging: 'otlp', production: 'otlp' },
  }),
  TRACES_OTLP_ENDPOINT: defineVariable(urlValue(['http', 'https']), {
    description:
      "Base URL of this environment's OpenTelemetry collector (OTLP over HTTP; /v1/traces is appended); required when TRACES_EXPORTER=otlp.",
    example: 'http://otel-collector.monitoring.svc:4318',
    apps: ['web', 'worker'],
    sensitive: false,
    configPath: 'telemetry.otlpEndpoint',
    resource: 'url',
    group: 'telemetry',
    exampleFiles: {
      staging: 'http://CHANGE_ME.monitoring.svc:4318',
      production: 'http://CHANGE_ME.monitoring.svc:4318',
    },
  }),
  TRACES_SAMPLE_RATIO: defineVariable(ratioValue(), {
    description:
      'Share of new traces recorded (0 to 1); a request or job that continues a trace follows its parent.',
    example: '0.1',
    default: { development: '1', test: '1', staging: '1', production: '0.1' },
    apps: ['web', 'worker'],
    sensitive: false,
    configPath: 'telemetry.sampleRatio',
    group: 'telemetry',
    exampleFiles: { development: '1', staging: '1', production: '0.1' },
    fingerprinted: false,
  }),
};
