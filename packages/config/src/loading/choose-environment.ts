import { APP_ENVIRONMENTS, isAppEnvironment, type AppEnvironment } from '../environments.js';
import type { Problem } from '../problems.js';
import { cleanValue, firstLayerSetting, whereSet, type Layer } from './layers.js';

const ENVIRONMENT_LIST = APP_ENVIRONMENTS.join(', ');

/** The environment this process runs as: the first layer that sets APP_ENV, if it names one of the four. */
export function chooseEnvironment(
  layers: readonly Layer[],
  problems: Problem[],
): AppEnvironment | undefined {
  const chosen = firstLayerSetting(layers, 'APP_ENV');
  if (!chosen) {
    problems.push({
      variable: 'APP_ENV',
      rule: 'required',
      message: `is not set; it must be one of ${ENVIRONMENT_LIST}`,
      fix: 'set APP_ENV for this process (`pnpm dev` sets development for you)',
    });
    return undefined;
  }
  if (!isAppEnvironment(chosen.value)) {
    problems.push({
      variable: 'APP_ENV',
      rule: 'allowed-values',
      message: `is "${chosen.value}", which is not an environment; it must be one of ${ENVIRONMENT_LIST}`,
      fix: `use the full name, e.g. APP_ENV=${suggestEnvironment(chosen.value)}`,
    });
    return undefined;
  }
  return chosen.value;
}

function suggestEnvironment(value: string): AppEnvironment {
  const lower = value.toLowerCase();
  return (
    APP_ENVIRONMENTS.find(
      (environment) => lower.length > 0 && environment.startsWith(lower.slice(0, 3)),
    ) ?? 'development'
  );
}

/** Every layer that sets APP_ENV must agree with the chosen one: a staging file never feeds a production process. */
export function checkEnvironmentAgreement(
  layers: readonly Layer[],
  environment: AppEnvironment,
  problems: Problem[],
): void {
  for (const layer of layers) {
    const value = cleanValue(layer.values.APP_ENV);
    if (value === undefined || value === environment) continue;
    problems.push({
      variable: 'APP_ENV',
      rule: 'environment-mismatch',
      message: `is ${value} ${whereSet(layer.origin)}, but this process runs as ${environment}`,
      fix: `use the settings made for ${environment}, or run as ${value}`,
    });
  }
}
