import { resolve } from 'node:path';
import { buildConfig, type Config, type VariableReport } from './config-object.js';
import type { AppEnvironment } from './environments.js';
import { readEnvFile } from './loading/env-files.js';
import { checkEnvironmentAgreement, chooseEnvironment } from './loading/choose-environment.js';
import { defaultFileLayers } from './loading/default-files.js';
import { readKustomization } from './loading/kustomize-env.js';
import { cleanValue, describeOrigin, type Layer } from './loading/layers.js';
import { applyDefaults, parseValues } from './loading/parse-values.js';
import { findRepositoryRoot } from './loading/repository-root.js';
import { resolveValues, type ResolvedValue } from './loading/resolve-values.js';
import { checkUnknownNames } from './loading/unknown-names.js';
import { fingerprintOf } from './output/fingerprint.js';
import { maskSecret, secretFragments } from './output/mask.js';
import { ConfigError, redactSecrets, type Problem, type Warning } from './problems.js';
import { runSafetyRules } from './rules/run-rules.js';
import { variableEntry, VARIABLE_NAMES, type VariableName } from './schema.js';

export interface LoadOptions {
  /** The variables to read instead of the process environment (tests, CLIs). @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /** Forces APP_ENV, as the CLIs' `--env` does; an APP_ENV set elsewhere that differs is a problem. */
  appEnv?: string;
  /** A dotenv file read instead of the per-environment files, as the CLIs' `--env-file` does. @default ENV_FILE */
  envFile?: string;
  /**
   * A kustomize overlay folder whose configMapGenerator env files are read with kustomize's literal rules, as the
   * pods receive them (the CLIs' `--kustomize`); like `envFile`, it replaces the per-environment files.
   */
  kustomize?: string;
  /** Where `.env.<APP_ENV>` files live. @default ENV_DIR, else the repository root, else the working directory */
  envDir?: string;
  /** Base for relative paths in ENV_FILE and NAME_FILE. @default process.cwd() */
  cwd?: string;
}

/** Everything the loader found out, valid or not. `config` is set only when there are no problems. */
export interface ConfigInspection {
  environment: AppEnvironment | undefined;
  files: string[];
  variables: VariableReport[];
  problems: Problem[];
  warnings: Warning[];
  config: Config | undefined;
}

/**
 * Reads, validates and checks the configuration without throwing.
 * Precedence: process environment > `.env.<APP_ENV>.local` > `.env.<APP_ENV>` > defaults. In staging and production
 * no file is read unless ENV_FILE (or `envFile`) names one; it then replaces the per-environment files.
 */
export function inspectConfig(options: LoadOptions = {}): ConfigInspection {
  const processValues = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(
    cwd,
    options.envDir ?? cleanValue(processValues.ENV_DIR) ?? findRepositoryRoot(cwd) ?? cwd,
  );
  const problems: Problem[] = [];
  const warnings: Warning[] = [];

  const kustomize = cleanValue(options.kustomize);
  const explicitFile =
    kustomize === undefined
      ? (cleanValue(options.envFile) ?? cleanValue(processValues.ENV_FILE))
      : undefined;
  const layers: Layer[] = [
    {
      origin: { kind: 'flag' },
      values: options.appEnv === undefined ? {} : { APP_ENV: options.appEnv },
    },
    { origin: { kind: 'process' }, values: processValues },
  ];
  if (kustomize !== undefined) {
    const overlay = readKustomization(resolve(cwd, kustomize));
    layers.push(...overlay.layers);
    problems.push(...overlay.problems);
  } else if (explicitFile !== undefined) {
    const path = resolve(cwd, explicitFile);
    const values = readEnvFile(path);
    if (values) layers.push({ origin: { kind: 'file', path }, values });
    else {
      problems.push({
        variable: 'ENV_FILE',
        rule: 'env-file',
        message: `names ${path}, which does not exist`,
        fix: 'correct the path, or unset ENV_FILE to use the process environment alone',
      });
    }
  }

  const environment = chooseEnvironment(layers, problems);
  if (environment !== undefined && explicitFile === undefined && kustomize === undefined) {
    layers.push(...defaultFileLayers(root, environment, warnings));
  }
  if (environment !== undefined) checkEnvironmentAgreement(layers, environment, problems);

  const unknown = checkUnknownNames(layers);
  problems.push(...unknown.problems);
  warnings.push(...unknown.warnings);

  const resolved = resolveValues(layers, VARIABLE_NAMES, cwd);
  problems.push(...resolved.problems);
  const raw = resolved.values as Map<VariableName, ResolvedValue>;

  // A variable whose source was already reported (NAME and NAME_FILE both set, unreadable file) gets no default.
  const reported = new Set(
    resolved.problems.map((problem) => problem.variable.replace(/_FILE$/, '')),
  );
  if (environment !== undefined) applyDefaults(raw, environment, reported, problems);

  const values = parseValues(raw, problems);
  if (environment !== undefined) {
    values.APP_ENV = environment;
    runSafetyRules(environment, values, raw, root, problems);
  }

  const secrets = [...raw]
    .filter(([name]) => variableEntry(name).sensitive)
    .flatMap(([, { value }]) => secretFragments(value));
  const redact = (item: Problem): Problem => ({
    ...item,
    message: redactSecrets(item.message, secrets),
    fix: redactSecrets(item.fix, secrets),
  });
  const order = (item: Problem): number => {
    const index = VARIABLE_NAMES.indexOf(item.variable.replace(/_FILE$/, '') as VariableName);
    return index === -1 ? VARIABLE_NAMES.length : index;
  };
  const sortedProblems = problems.map(redact).sort((left, right) => order(left) - order(right));

  const files = layers.flatMap((layer) =>
    layer.origin.kind === 'file' ? [layer.origin.path] : [],
  );
  const variables = VARIABLE_NAMES.map((name): VariableReport => {
    const found = raw.get(name);
    if (!found) return { name, shown: undefined, origin: 'unset' };
    const derived = name === 'NODE_ENV' && found.origin.kind === 'default';
    const origin = derived
      ? 'derived from APP_ENV'
      : describeOrigin(found.origin, root) +
        (found.secretFile === undefined ? '' : ` via ${name}_FILE`);
    return {
      name,
      shown: variableEntry(name).sensitive ? maskSecret(found.value) : found.value,
      origin,
    };
  });

  const config =
    sortedProblems.length === 0 && environment !== undefined
      ? buildConfig(values, {
          root,
          fingerprint: fingerprintOf(values),
          report: { files, variables, warnings: warnings.map(redact) },
        })
      : undefined;
  return {
    environment,
    files,
    variables,
    problems: sortedProblems,
    warnings: warnings.map(redact),
    config,
  };
}

/**
 * Loads the configuration for this process, or throws a ConfigError listing every problem at once.
 * When it reads the real process environment it also sets NODE_ENV (if unset) to the value derived from APP_ENV,
 * so Express and other libraries run in production mode in staging and production.
 */
export function loadConfig(options: LoadOptions = {}): Config {
  const inspection = inspectConfig(options);
  if (!inspection.config) {
    const named = options.appEnv ?? cleanValue((options.env ?? process.env).APP_ENV) ?? '(unset)';
    throw new ConfigError(inspection.environment ?? named, inspection.problems);
  }
  if (options.env === undefined && cleanValue(process.env.NODE_ENV) === undefined) {
    process.env.NODE_ENV = inspection.config.nodeEnv;
  }
  return inspection.config;
}
