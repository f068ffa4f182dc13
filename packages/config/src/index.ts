export { hostMatcher } from './allowed-hosts.js';
export { EnvironmentMismatchError } from './environment-mismatch-error.js';
export type { Config, ConfigFingerprint, FeatureName, VariableReport } from './config-object.js';
export {
  APP_ENVIRONMENTS,
  isDeployed,
  nodeEnvironmentFor,
  type AppEnvironment,
  type NodeEnvironment,
} from './environments.js';
export {
  inspectConfig,
  loadConfig,
  type ConfigInspection,
  type LoadOptions,
} from './load-config.js';
export { summarizeConfig } from './output/describe.js';
export { formatFingerprint } from './output/fingerprint.js';
export { maskSecret, maskUrl } from './output/mask.js';
export { ConfigError, formatProblem, type Problem, type Warning } from './problems.js';
export type { TrustProxy } from './variables/value-types.js';
export { secretValuesOf } from './output/secret-values.js';
export { redactSecrets } from './problems.js';
export { exitOnStartupError } from './startup.js';
