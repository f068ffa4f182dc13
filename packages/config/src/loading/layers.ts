import { relative } from 'node:path';

/** Where a value came from, highest precedence first: the --env flag, the process, a file, a default. */
export type ValueOrigin =
  { kind: 'flag' } | { kind: 'process' } | { kind: 'file'; path: string } | { kind: 'default' };

/** One source of raw values. Layers are ordered: the first that sets a variable wins. */
export interface Layer {
  origin: ValueOrigin;
  values: Readonly<Record<string, string | undefined>>;
}

/** Empty strings count as unset; surrounding white space is never meant. */
export function cleanValue(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

export function firstLayerSetting(
  layers: readonly Layer[],
  name: string,
): { layer: Layer; value: string } | undefined {
  for (const layer of layers) {
    const value = cleanValue(layer.values[name]);
    if (value !== undefined) return { layer, value };
  }
  return undefined;
}

/** A short human description: "process env", "file .env.development.local", "default". */
export function describeOrigin(origin: ValueOrigin, root: string | undefined): string {
  switch (origin.kind) {
    case 'flag':
      return '--env flag';
    case 'process':
      return 'process env';
    case 'file':
      return `file ${root === undefined ? origin.path : relative(root, origin.path) || origin.path}`;
    case 'default':
      return 'default';
  }
}

/** Where a variable was set, for problem messages: "in /path/.env", "in the process environment", "by --env". */
export function whereSet(origin: ValueOrigin): string {
  switch (origin.kind) {
    case 'file':
      return `in ${origin.path}`;
    case 'process':
      return 'in the process environment';
    case 'flag':
      return 'by --env';
    case 'default':
      return 'by default';
  }
}
