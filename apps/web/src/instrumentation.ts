// Loaded before main.js with `node --import ./dist/instrumentation.js` (the dev script; the start script and the
// image's CMD load its bundle, dist/bundle/instrumentation.js), so the tracing SDK hooks http, pg and ioredis
// before the app imports them. It stays an entry point of its own, outside any bundle of main.js, for the same
// reason. With TRACES_EXPORTER=none it loads the config and
// nothing else; TelemetryModule flushes the spans on shutdown.
import { loadConfig, type Config } from '@repo/config';
import { startTracing } from '@repo/telemetry/tracing';

let config: Config | undefined;
try {
  config = loadConfig();
} catch {
  // main.js loads the configuration again and reports what is wrong with it, as one clear line.
}
if (config !== undefined) await startTracing(config, 'web');
