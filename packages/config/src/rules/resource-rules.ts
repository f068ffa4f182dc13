import {
  APP_ENVIRONMENTS,
  DEPLOYED_ENVIRONMENTS,
  environmentsNamedIn,
  isDeployed,
  type AppEnvironment,
} from '../environments.js';
import { variableEntry, VARIABLE_NAMES, type VariableName } from '../schema.js';
import type { ResourceKind } from '../variables/resource-kinds.js';
import { placesOf } from './resource-places.js';
import { defineRule, type Finding } from './rule.js';
import { isLoopbackHost } from './url-parts.js';

/** Staging and production share nothing with any other environment; local ones never touch deployed resources. */
function foreignEnvironments(environment: AppEnvironment): readonly AppEnvironment[] {
  return isDeployed(environment)
    ? APP_ENVIRONMENTS.filter((other) => other !== environment)
    : DEPLOYED_ENVIRONMENTS;
}

/** Every variable that declares a resource kind, found once from the schema's metadata. */
const RESOURCE_VARIABLES = VARIABLE_NAMES.flatMap((name) => {
  const kind = variableEntry(name).resource;
  return kind === undefined ? [] : [{ name, kind }];
});

function resourceFindings(
  variable: VariableName,
  kind: ResourceKind,
  value: unknown,
  environment: AppEnvironment,
): Finding[] {
  if (value === undefined) return [];
  const foreign = foreignEnvironments(environment);
  const findings: Finding[] = [];
  for (const { part, text, isHost } of placesOf(kind, value)) {
    const named = environmentsNamedIn(text).filter((other) => foreign.includes(other));
    if (named.length > 0) {
      findings.push({
        variable,
        message: `has a ${part} ("${text}") that names ${named.join(' and ')}; ${environment} must never use another environment’s resources`,
        fix: `give ${variable} ${environment}’s own ${part}`,
      });
    }
    if (isDeployed(environment) && isHost && isLoopbackHost(text)) {
      findings.push({
        variable,
        message: `has a ${part} (${text || 'a local socket'}) that is this machine (loopback or unspecified), which inside a container is no shared service and no public address`,
        fix: `use the real host name ${environment} reaches the resource at`,
      });
    }
  }
  return findings;
}

export const resourceRules = [
  defineRule({
    name: 'resource-environment',
    environments: APP_ENVIRONMENTS,
    description: `Every variable that names a resource (${RESOURCE_VARIABLES.map(({ name }) => name).join(', ')}) names no other environment by word in its hosts, domains, bucket names, paths or prefixes: staging and production refuse every other environment, development and test refuse staging and production. Staging and production also refuse loopback and unspecified hosts however spelt (localhost., *.localhost, 127.1, 0.0.0.0, [::], a local socket…).`,
    check: ({ values, environment }) =>
      RESOURCE_VARIABLES.flatMap(({ name, kind }) =>
        resourceFindings(name, kind, values[name], environment),
      ),
  }),
];
