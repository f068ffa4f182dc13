import { z } from 'zod';
import { billingVariables } from './variables/billing.js';
import { coreVariables } from './variables/core.js';
import { databaseVariables } from './variables/database.js';
import { developmentVariables } from './variables/development.js';
import { emailVariables } from './variables/email.js';
import { featureVariables } from './variables/features.js';
import { httpVariables } from './variables/http.js';
import { lifecycleVariables } from './variables/lifecycle.js';
import { managementVariables } from './variables/management.js';
import { queueVariables } from './variables/queue.js';
import { securityVariables } from './variables/security.js';
import { storageVariables } from './variables/storage.js';
import { telemetryVariables } from './variables/telemetry.js';
import { variableRegistry, type VariableEntry } from './variables/variable.js';

/**
 * The environment, as one zod object composed from small slices. It is the single source of truth: the
 * loader, the safety rules, the docs, the example files and turbo.json's env lists are all derived from it.
 */
export const environmentSchema = z.object({
  ...coreVariables,
  ...httpVariables,
  ...managementVariables,
  ...securityVariables,
  ...databaseVariables,
  ...queueVariables,
  ...storageVariables,
  ...billingVariables,
  ...emailVariables,
  ...lifecycleVariables,
  ...telemetryVariables,
  ...featureVariables,
  ...developmentVariables,
});

export type EnvironmentValues = z.output<typeof environmentSchema>;
export type VariableName = keyof EnvironmentValues;

export const VARIABLE_NAMES = Object.keys(environmentSchema.shape) as VariableName[];

export const FEATURE_PREFIX = 'FEATURE_';

export function isVariableName(name: string): name is VariableName {
  return Object.hasOwn(environmentSchema.shape, name);
}

export function variableSchema(name: VariableName): z.ZodType<unknown, string> {
  return environmentSchema.shape[name] as z.ZodType<unknown, string>;
}

/** The metadata of one variable; every field of the schema has some (checked by a test). */
export function variableEntry(name: VariableName): VariableEntry {
  const entry = variableRegistry.get(variableSchema(name));
  if (!entry) throw new Error(`${name} has no metadata; declare it with defineVariable()`);
  return entry;
}
