import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    // The tests start real servers in process; a busy shared machine can make that slow, never wrong.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
