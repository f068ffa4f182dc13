import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localEnvFile, portOf, readRecorded, record } from './recorded-ports.js';

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'recorded-ports-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('recorded ports', () => {
  it('reads back what the last run recorded, and nothing on a first run', () => {
    expect(readRecorded(root)).toEqual({});
    record(root, {
      PORT: '3000',
      DATABASE_URL: 'postgres://ladder:ladder@localhost:54012/ladder_dev',
    });
    expect(readRecorded(root)).toEqual({
      PORT: '3000',
      DATABASE_URL: 'postgres://ladder:ladder@localhost:54012/ladder_dev',
    });
    expect(portOf(readRecorded(root).DATABASE_URL)).toBe(54012);
  });

  it("rewrites only its own block and keeps the developer's lines", () => {
    writeFileSync(localEnvFile(root), 'LOG_LEVEL=info\n# my note\n');
    record(root, { PORT: '3000' });
    record(root, { PORT: '3001', REDIS_URL: 'redis://localhost:6390/0' });
    const text = readFileSync(localEnvFile(root), 'utf8');
    expect(text.startsWith('LOG_LEVEL=info\n# my note\n\n# >>> pnpm dev')).toBe(true);
    expect(text).toContain('PORT=3001\nREDIS_URL=redis://localhost:6390/0\n# <<< pnpm dev <<<\n');
    expect(text).not.toContain('PORT=3000');
    expect(text.match(/# >>> pnpm dev/g)).toHaveLength(1);
  });

  it('has no port for a URL without one', () => {
    expect(portOf('redis://localhost/0')).toBeUndefined();
    expect(portOf(undefined)).toBeUndefined();
  });
});
