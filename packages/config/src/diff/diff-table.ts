import { maskSecret } from '../output/mask.js';
import { variableEntry, VARIABLE_NAMES } from '../schema.js';
import type { DiffSide } from './read-side.js';

const WIDTH = 80;

function shown(side: DiffSide, name: (typeof VARIABLE_NAMES)[number]): string {
  const value = side.set.get(name);
  if (value === undefined) return '(unset)';
  const text = variableEntry(name).sensitive ? maskSecret(value) : value;
  return text.length > WIDTH ? `${text.slice(0, WIDTH - 1)}…` : text;
}

/**
 * The variables either side sets, secrets masked, each marked equal, different or only in one side. Secrets are
 * compared on their real values, so "equal" on a masked row means the very same secret.
 */
export function formatDiffTable(a: DiffSide, b: DiffSide, labels: [string, string]): string {
  const rows = VARIABLE_NAMES.filter((name) => a.set.has(name) || b.set.has(name)).map((name) => {
    const left = a.set.get(name);
    const right = b.set.get(name);
    const status =
      left === undefined
        ? `only in ${labels[1]}`
        : right === undefined
          ? `only in ${labels[0]}`
          : left === right
            ? 'equal'
            : 'different';
    return [name, shown(a, name), shown(b, name), status];
  });
  const table = [['VARIABLE', labels[0], labels[1], 'STATUS'], ...rows];
  const widths = [0, 1, 2].map((column) =>
    Math.max(...table.map((row) => row[column]?.length ?? 0)),
  );
  return table
    .map((row) =>
      row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column] ?? 0) : cell)).join('  '),
    )
    .join('\n');
}
