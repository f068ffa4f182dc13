import { describe, expect, it } from 'vitest';
import { WatchingCompilers } from './watching-compilers.js';

describe('WatchingCompilers', () => {
  it('is pending from a compiler’s start until it says it is watching', () => {
    const compilers = new WatchingCompilers();
    expect(compilers.pendingReason()).toBeUndefined();
    compilers.see('@repo/web:dev:compile: 12:16:55 PM - Starting compilation in watch mode...');
    compilers.see('@repo/config:dev: 12:16:55 PM - Starting compilation in watch mode...');
    expect(compilers.pendingReason()).toBe(
      '2 compilers still on the first pass (@repo/config:dev, @repo/web:dev:compile)',
    );
    compilers.see(
      '@repo/web:dev:compile: 12:16:57 PM - Found 0 errors. Watching for file changes.',
    );
    expect(compilers.pendingReason()).toBe('1 compiler still on the first pass (@repo/config:dev)');
    compilers.see('@repo/config:dev: 12:16:58 PM - Found 2 errors. Watching for file changes.');
    expect(compilers.pendingReason()).toBeUndefined();
  });

  it('reads colored output and ignores lines that are not a task’s', () => {
    const compilers = new WatchingCompilers();
    compilers.see(
      '\u001b[36m@repo/db:dev: \u001b[0m1:00:00 PM - Starting compilation in watch mode...',
    );
    compilers.see('Starting compilation in watch mode...');
    expect(compilers.pendingReason()).toBe('1 compiler still on the first pass (@repo/db:dev)');
  });
});
