import { isAbsolute, resolve } from 'node:path';
import { configValues, type ConfigValues } from './config-values.js';
import type { Warning } from './problems.js';
import {
  environmentSchema,
  variableEntry,
  VARIABLE_NAMES,
  type EnvironmentValues,
} from './schema.js';
import type { featureVariables } from './variables/features.js';

type EnvironmentShape = typeof environmentSchema.shape;

type SnakeToCamel<Text extends string> = Text extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<SnakeToCamel<Tail>>}`
  : Text;

/** `FEATURE_NEW_CHECKOUT` → `newCheckout`. */
export type FeatureName = {
  [Key in keyof typeof featureVariables]: Key extends `FEATURE_${infer Rest}`
    ? SnakeToCamel<Lowercase<Rest>>
    : never;
}[keyof typeof featureVariables];

/** Two short hashes that tell whether two processes read the same configuration. */
export interface ConfigFingerprint {
  /** Hash of every non-secret value (secrets count with their masked form, so a host change shows here). */
  config: string;
  /** Keyed hash of the secret values: changes when any secret does, reveals none. */
  secrets: string;
}

/** How each variable was set, masked: what `env:print` and the start-up log show. */
export interface VariableReport {
  name: string;
  /** The effective value as text, secrets masked; undefined when unset. */
  shown: string | undefined;
  origin: string;
}

/**
 * The validated configuration, grouped by concern: every declared variable at its `configPath` (see
 * config-values.ts), plus the fingerprint and the load report. Frozen; secrets are non-enumerable (see
 * hideSecrets). `storage.mediaRoot` is absolute: a relative MEDIA_ROOT is resolved against the repository root.
 */
export type Config = ConfigValues<EnvironmentShape> & {
  readonly fingerprint: ConfigFingerprint;
  /** Where the values came from, masked, and what the loader noticed on the way. */
  readonly report: {
    files: readonly string[];
    variables: readonly VariableReport[];
    warnings: readonly Warning[];
  };
};

export function buildConfig(
  values: Partial<EnvironmentValues>,
  context: { root: string; fingerprint: ConfigFingerprint; report: Config['report'] },
): Config {
  const derived = configValues(environmentSchema.shape, values);
  const mediaRoot = derived.storage.mediaRoot;
  const config: Config = {
    ...derived,
    storage: {
      ...derived.storage,
      mediaRoot: isAbsolute(mediaRoot) ? mediaRoot : resolve(context.root, mediaRoot),
    },
    fingerprint: context.fingerprint,
    report: context.report,
  };
  hideSecrets(config);
  return deepFreeze(config);
}

/**
 * Makes every sensitive property non-enumerable: `config.database.url` still works, but logging, spreading or
 * JSON-serialising a config object (or one of its groups) leaves the secrets out.
 */
function hideSecrets(config: Config): void {
  for (const name of VARIABLE_NAMES) {
    const entry = variableEntry(name);
    if (!entry.sensitive) continue;
    const path = entry.configPath.split('.');
    const key = path.pop() ?? '';
    let owner: Record<string, unknown> = config;
    for (const segment of path) owner = owner[segment] as Record<string, unknown>;
    Object.defineProperty(owner, key, { enumerable: false, value: owner[key], writable: false });
  }
}

function deepFreeze<Value>(value: Value): Value {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value))
      deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
