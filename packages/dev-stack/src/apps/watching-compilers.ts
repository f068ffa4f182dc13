import { stripVTControlCharacters } from 'node:util';

/** A turbo task's output line: `@repo/web:dev:compile: <what the task printed>`. */
const TASK_LINE = /^(\S+?:dev(?::compile)?): (.*)$/;

/**
 * Which `tsc --watch` compilers turbo started, and whether each has finished its first pass and is watching. The
 * apps can answer before that pass ends; an edit saved in that window is read by no watcher and never reloads, so
 * `pnpm dev` reports ready only once every compiler it saw starting is watching.
 */
export class WatchingCompilers {
  private readonly starting = new Set<string>();

  /** Feed every line of turbo's output. */
  see(line: string): void {
    const match = TASK_LINE.exec(stripVTControlCharacters(line).trim());
    if (!match) return;
    const [, task = '', text = ''] = match;
    if (text.includes('Starting compilation in watch mode')) this.starting.add(task);
    else if (text.includes('Watching for file changes')) this.starting.delete(task);
  }

  /** Why the run is not ready yet, in words; undefined once every compiler seen is watching. */
  pendingReason(): string | undefined {
    if (this.starting.size === 0) return undefined;
    const tasks = [...this.starting].sort();
    return `${tasks.length} compiler${tasks.length === 1 ? '' : 's'} still on the first pass (${tasks.join(', ')})`;
  }
}
