import { existsSync, readFileSync, utimesSync, watch } from 'node:fs';
import { join } from 'node:path';

/** The files the loader reads in development: .env.development and .env.development.local (not the examples). */
const ENV_FILE = /^\.env(\..+)?$/;
const SETTLE_MS = 300;

function isEnvFile(name: string): boolean {
  return ENV_FILE.test(name) && !name.endsWith('.example');
}

function contentOf(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/**
 * Calls `onChange` with the file's name when an .env file at the root really changes (a save that keeps the
 * content, or several events of one save, count once). Returns a function that stops watching.
 */
export function watchEnvFiles(root: string, onChange: (name: string) => void): () => void {
  const seen = new Map<string, string | undefined>();
  const pending = new Map<string, NodeJS.Timeout>();
  const settle = (name: string): void => {
    pending.delete(name);
    const now = contentOf(join(root, name));
    if (seen.get(name) === now) return;
    seen.set(name, now);
    onChange(name);
  };
  const watcher = watch(root, (_event, name) => {
    if (name === null || !isEnvFile(name)) return;
    if (!seen.has(name)) seen.set(name, undefined);
    clearTimeout(pending.get(name));
    pending.set(
      name,
      setTimeout(() => settle(name), SETTLE_MS),
    );
  });
  for (const name of ['.env', '.env.development', '.env.development.local'])
    seen.set(name, contentOf(join(root, name)));
  return () => {
    watcher.close();
    for (const timer of pending.values()) clearTimeout(timer);
  };
}

/**
 * Restarts both apps without restarting turbo or the watchers: each app runs under `node --watch`, which restarts
 * it when its entry file changes, and a new modification time counts. The apps then load the new configuration.
 */
export function restartApps(root: string): void {
  const now = new Date();
  for (const app of ['web', 'worker'])
    utimesSync(join(root, 'apps', app, 'dist', 'main.js'), now, now);
}
