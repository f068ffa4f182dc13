import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.spec.ts'],
          exclude: ['test/**/*.e2e.spec.ts'],
          // Rendering overlays and loading the schema models is slow on a busy 2-core machine, never wrong.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e.spec.ts'],
          testTimeout: 120_000,
          // Two image builds (warm: seconds; cold: minutes) and two stacks coming up.
          hookTimeout: 15 * 60_000,
        },
      },
    ],
  },
});
