import { z } from 'zod';
import type { AppEnvironment } from '../environments.js';
import type { ResourceKind } from './resource-kinds.js';
import type { ValueType } from './value-types.js';

export type AppName = 'web' | 'worker';

/** Environments that have a committed `.env.<environment>.example` file. */
export type ExampleEnvironment = Exclude<AppEnvironment, 'test'>;

/** A value that is the same everywhere, or differs per environment (missing environments have none). */
export type PerEnvironment<Value> = Value | Partial<Record<AppEnvironment, Value>>;

/** Everything the docs, the example files and the loader know about one variable. */
export interface VariableMeta {
  /** What the variable controls, in one sentence. */
  description: string;
  /** A realistic value for the docs; for sensitive variables, the shape of one. */
  example: string;
  /** The raw value used when the variable is unset, parsed like any other value. @default none */
  default?: PerEnvironment<string>;
  /** Environments in which the variable must be set once defaults are applied. @default none */
  requiredIn?: readonly AppEnvironment[];
  /** Which apps read it. Both apps validate every variable, so their fingerprints can be compared. */
  apps: readonly AppName[];
  /** Secrets are masked in every output and hashed apart from the rest of the configuration. */
  sensitive: boolean;
  /** Where the parsed value lives in the config object, e.g. `database.url`. */
  configPath: string;
  /** The slice of the schema it belongs to; groups the docs and the example files. */
  group: string;
  /**
   * Values written to each generated `.env.<environment>.example`; environments left out get a commented-out
   * line. Staging and production values must be placeholders that the rules refuse.
   * @default none
   */
  exampleFiles?: Partial<Record<ExampleEnvironment, string>>;
  /**
   * Whether the fingerprint covers it. Only variables both apps read count (a web-only PORT may differ from the
   * worker's); set false as well for build identity (a rolling deploy is no mismatch) and per-process operational
   * knobs such as LOG_LEVEL. @default true
   */
  fingerprinted?: boolean;
  /**
   * The kind of external resource the value names (a URL, a host list, a bucket…). Declaring it is all a new
   * variable needs: the `resource-environment` rule then refuses other environments' names in it, and loopback
   * addresses in staging and production. See RESOURCE_KINDS. @default none (not a resource)
   */
  resource?: ResourceKind;
}

export interface VariableEntry extends VariableMeta {
  /** The check named in a problem when the raw value does not parse. */
  formatRule: string;
  /** A few words on what a valid value looks like. */
  expected: string;
}

/** Metadata for every variable schema, looked up by the schema object itself (a zod registry). */
export const variableRegistry = z.registry<VariableEntry>();

/**
 * A variable's schema. Its type also carries the parsed value's type and the literal metadata (never set at run
 * time), so the config object's type is derived from `configPath`, `default` and `requiredIn` (config-object.ts).
 */
export type DeclaredVariable<Output, Meta extends VariableMeta = VariableMeta> = z.ZodType<
  Output,
  string
> & { readonly '~variable'?: { output: Output; meta: Meta } };

/** Attaches metadata to a value type's schema and returns the schema, ready to be a field of the environment object. */
export function defineVariable<Output, const Meta extends VariableMeta>(
  type: ValueType<Output>,
  meta: Meta,
): DeclaredVariable<Output, Meta> {
  return type.schema.register(variableRegistry, {
    ...meta,
    formatRule: type.rule,
    expected: type.expected,
  });
}

/** The value for one environment out of a per-environment setting. */
export function forEnvironment<Value>(
  setting: PerEnvironment<Value> | undefined,
  environment: AppEnvironment,
): Value | undefined {
  if (setting === undefined) return undefined;
  if (typeof setting === 'object' && setting !== null && !Array.isArray(setting)) {
    return (setting as Partial<Record<AppEnvironment, Value>>)[environment];
  }
  return setting;
}
