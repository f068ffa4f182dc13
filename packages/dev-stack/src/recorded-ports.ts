import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const BEGIN =
  "# >>> pnpm dev: this checkout's ports, reused while they are free (rewritten on each run) >>>";
const END = '# <<< pnpm dev <<<';

/** The variables `pnpm dev` keeps in .env.development.local so ports stay put and dev tools find the stack. */
export type RecordedName = 'PORT' | 'PUBLIC_URL' | 'DATABASE_URL' | 'REDIS_URL';
export type Recorded = Partial<Record<RecordedName, string>>;

export function localEnvFile(root: string): string {
  return join(root, '.env.development.local');
}

function blockBounds(lines: readonly string[]): [number, number] | undefined {
  const begin = lines.indexOf(BEGIN);
  const end = lines.indexOf(END, begin);
  return begin === -1 || end === -1 ? undefined : [begin, end];
}

/** What the last run recorded; empty on a first run. */
export function readRecorded(root: string): Recorded {
  const file = localEnvFile(root);
  if (!existsSync(file)) return {};
  const lines = readFileSync(file, 'utf8').split('\n');
  const bounds = blockBounds(lines);
  if (!bounds) return {};
  const recorded: Recorded = {};
  for (const line of lines.slice(bounds[0] + 1, bounds[1])) {
    const match = /^(PORT|PUBLIC_URL|DATABASE_URL|REDIS_URL)=(.*)$/.exec(line);
    if (match?.[1] !== undefined) recorded[match[1] as RecordedName] = match[2] ?? '';
  }
  return recorded;
}

/**
 * Writes `values` into the block `pnpm dev` owns at the end of .env.development.local, keeping every other line.
 * The loader reads that file in development, so `pnpm db:status` and `pnpm env:print` see the stack's real URLs.
 */
export function record(root: string, values: Recorded): void {
  const file = localEnvFile(root);
  const lines = existsSync(file) ? readFileSync(file, 'utf8').replace(/\n$/, '').split('\n') : [];
  const bounds = blockBounds(lines);
  const kept = bounds ? [...lines.slice(0, bounds[0]), ...lines.slice(bounds[1] + 1)] : [...lines];
  while (kept.at(-1) === '') kept.pop();
  const block = [
    BEGIN,
    ...Object.entries(values)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `${name}=${value}`),
    END,
  ];
  writeFileSync(file, `${[...kept, ...(kept.length > 0 ? [''] : []), ...block].join('\n')}\n`);
}

/** The port of a recorded URL, if there is one. */
export function portOf(url: string | undefined): number | undefined {
  if (url === undefined) return undefined;
  try {
    const port = Number(new URL(url).port);
    return port > 0 ? port : undefined;
  } catch {
    return undefined;
  }
}
