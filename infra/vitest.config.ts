import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.spec.ts'],
    // Rendering overlays and loading the schema models is slow on a busy 2-core machine, never wrong.
    testTimeout: 20_000,
  },
});
