import { isAbsolute, resolve } from 'node:path';
import type { AppEnvironment, NodeEnvironment } from './environments.js';
import type { Warning } from './problems.js';
import { variableEntry, VARIABLE_NAMES, type EnvironmentValues } from './schema.js';
import type { LOG_LEVELS } from './variables/core.js';
import type { featureVariables } from './variables/features.js';
import type { TrustProxy } from './variables/value-types.js';

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

/** The validated configuration, grouped by concern. Frozen; secrets are non-enumerable (see hideSecrets). */
export interface Config {
  appEnv: AppEnvironment;
  nodeEnv: NodeEnvironment;
  debug: boolean;
  logLevel: (typeof LOG_LEVELS)[number];
  release: { version: string; gitSha: string };
  http: {
    port: number;
    publicUrl: string;
    allowedHosts: readonly string[];
    corsAllowedOrigins: readonly string[];
    sessionCookieSecure: boolean;
    trustProxy: TrustProxy;
  };
  security: { secretKey: string };
  database: { url: string };
  redis: { url: string };
  queue: { prefix: string; workerConcurrency: number };
  storage: {
    backend: 'local' | 's3';
    /** Absolute: a relative MEDIA_ROOT is resolved against the repository root. */
    mediaRoot: string;
    allowLocal: boolean;
    s3: { bucket: string | undefined; region: string | undefined; endpoint: string | undefined };
  };
  stripe: { secretKey: string | undefined; webhookSecret: string | undefined };
  email: {
    smtpUrl: string | undefined;
    from: string | undefined;
    /** Outside production: where mail to recipients off the allowlist goes instead. */
    redirectTo: string | undefined;
    /** Outside production: addresses and `@domain` entries that receive mail as addressed. */
    allowedRecipients: readonly string[];
  };
  lifecycle: { shutdownTimeoutSeconds: number; drainSeconds: number };
  features: Readonly<Record<FeatureName, boolean>>;
  fingerprint: ConfigFingerprint;
  /** Where the values came from, masked, and what the loader noticed on the way. */
  report: {
    files: readonly string[];
    variables: readonly VariableReport[];
    warnings: readonly Warning[];
  };
}

type Defined<Value> = Exclude<Value, undefined>;

/** Values that the loader guarantees after defaults and required checks passed. */
function must<Value>(value: Value): Defined<Value> {
  if (value === undefined)
    throw new Error('a required configuration value is missing after validation');
  return value as Defined<Value>;
}

export function buildConfig(
  values: Partial<EnvironmentValues>,
  context: { root: string; fingerprint: ConfigFingerprint; report: Config['report'] },
): Config {
  const mediaRoot = must(values.MEDIA_ROOT);
  const features = Object.fromEntries(
    VARIABLE_NAMES.filter((name) => name.startsWith('FEATURE_')).map((name) => [
      variableEntry(name).configPath.replace(/^features\./, ''),
      values[name] === true,
    ]),
  ) as Record<FeatureName, boolean>;

  const config: Config = {
    appEnv: must(values.APP_ENV),
    nodeEnv: must(values.NODE_ENV),
    debug: must(values.DEBUG),
    logLevel: must(values.LOG_LEVEL),
    release: { version: must(values.APP_VERSION), gitSha: must(values.GIT_SHA) },
    http: {
      port: must(values.PORT),
      publicUrl: must(values.PUBLIC_URL),
      allowedHosts: must(values.ALLOWED_HOSTS),
      corsAllowedOrigins: must(values.CORS_ALLOWED_ORIGINS),
      sessionCookieSecure: must(values.SESSION_COOKIE_SECURE),
      trustProxy: must(values.TRUST_PROXY),
    },
    security: { secretKey: must(values.SECRET_KEY) },
    database: { url: must(values.DATABASE_URL) },
    redis: { url: must(values.REDIS_URL) },
    queue: {
      prefix: must(values.QUEUE_PREFIX),
      workerConcurrency: must(values.WORKER_CONCURRENCY),
    },
    storage: {
      backend: must(values.STORAGE_BACKEND),
      mediaRoot: isAbsolute(mediaRoot) ? mediaRoot : resolve(context.root, mediaRoot),
      allowLocal: must(values.ALLOW_LOCAL_STORAGE),
      s3: { bucket: values.S3_BUCKET, region: values.S3_REGION, endpoint: values.S3_ENDPOINT },
    },
    stripe: { secretKey: values.STRIPE_SECRET_KEY, webhookSecret: values.STRIPE_WEBHOOK_SECRET },
    email: {
      smtpUrl: values.SMTP_URL,
      from: values.EMAIL_FROM,
      redirectTo: values.EMAIL_REDIRECT_TO,
      allowedRecipients: must(values.EMAIL_ALLOWED_RECIPIENTS),
    },
    lifecycle: {
      shutdownTimeoutSeconds: must(values.SHUTDOWN_TIMEOUT_SECONDS),
      drainSeconds: must(values.SHUTDOWN_DRAIN_SECONDS),
    },
    features,
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
    let owner: Record<string, unknown> = config as unknown as Record<string, unknown>;
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
