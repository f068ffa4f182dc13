import type { AppEnvironment } from './environments.js';
import { APP_ENVIRONMENTS } from './environments.js';
import { forEnvironment, variableRegistry, type VariableMeta } from './variables/variable.js';

type Declared<Schema> = NonNullable<
  Schema extends { readonly '~variable'?: infer Declaration } ? Declaration : never
>;
type MetaOf<Schema> = Declared<Schema> extends { meta: infer Meta } ? Meta : never;
type OutputOf<Schema> = Declared<Schema> extends { output: infer Output } ? Output : never;

/** Environments where a default gives the variable a value. */
type DefaultedIn<Meta> = Meta extends { default: infer Setting }
  ? Setting extends string
    ? AppEnvironment
    : keyof Setting & AppEnvironment
  : never;
type RequiredIn<Meta> = Meta extends { requiredIn: readonly (infer Environment)[] }
  ? Environment
  : never;

/** A value every valid configuration has: a default or a requirement covers each environment. */
type Guaranteed<Meta> = [AppEnvironment] extends [DefaultedIn<Meta> | RequiredIn<Meta>]
  ? true
  : false;

type ValueOf<Schema> =
  Guaranteed<MetaOf<Schema>> extends true ? OutputOf<Schema> : OutputOf<Schema> | undefined;

type Nest<Path extends string, Value> = Path extends `${infer Head}.${infer Rest}`
  ? { readonly [Key in Head]: Nest<Rest, Value> }
  : { readonly [Key in Path]: Value };

type UnionToIntersection<Union> = (Union extends unknown ? (value: Union) => void : never) extends (
  value: infer Intersection,
) => void
  ? Intersection
  : never;

/** Flattens the intersection into one object type per level, so editors show `{ port: number; … }`. */
type Merge<Value> = Value extends readonly unknown[]
  ? Value
  : Value extends object
    ? { readonly [Key in keyof Value]: Merge<Value[Key]> }
    : Value;

/**
 * The config object's values for a schema shape: each variable at its `configPath`, typed by its value type,
 * and `| undefined` unless a default or `requiredIn` covers every environment.
 */
export type ConfigValues<Shape> = Merge<
  UnionToIntersection<
    {
      [Name in keyof Shape]: MetaOf<Shape[Name]> extends { configPath: infer Path extends string }
        ? Nest<Path, ValueOf<Shape[Name]>>
        : never;
    }[keyof Shape]
  >
>;

/** The run-time side of `Guaranteed`: after validation, such a value is never missing. */
function isGuaranteed(meta: VariableMeta): boolean {
  return APP_ENVIRONMENTS.every(
    (environment) =>
      forEnvironment(meta.default, environment) !== undefined ||
      (meta.requiredIn ?? []).includes(environment),
  );
}

function place(tree: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.');
  const key = segments.pop() ?? path;
  let owner = tree;
  for (const segment of segments) {
    owner[segment] ??= {};
    owner = owner[segment] as Record<string, unknown>;
  }
  owner[key] = value;
}

/**
 * Puts each validated value at its variable's `configPath`. Declaring a variable is all it takes for it to appear,
 * typed, in the config object; nothing is mapped by hand.
 */
export function configValues<Shape extends Record<string, unknown>>(
  shape: Shape,
  values: Readonly<Record<string, unknown>>,
): ConfigValues<Shape> {
  const tree: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(shape)) {
    const meta = variableRegistry.get(schema as Parameters<typeof variableRegistry.get>[0]);
    if (!meta) throw new Error(`${name} has no metadata; declare it with defineVariable()`);
    const value = values[name];
    if (value === undefined && isGuaranteed(meta))
      throw new Error(
        `${name} is missing after validation, though every environment gives it a value`,
      );
    place(tree, meta.configPath, value);
  }
  return tree as ConfigValues<Shape>;
}
