import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';

/** Reads a dotenv file; undefined when it does not exist. Values are never expanded or evaluated. */
export function readEnvFile(path: string): Record<string, string> | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parse(text);
}

/** The committed `.env.*.example` files in `folder`, parsed. */
export function readExampleFiles(folder: string): Record<string, string>[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => /^\.env\.[a-z]+\.example$/.test(name));
  } catch {
    return [];
  }
  return names.map((name) => readEnvFile(join(folder, name))).filter((file) => file !== undefined);
}
