import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.spec.ts'] } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e.spec.ts'],
          // Renames, installs and builds a fresh copy of the repository: minutes, not seconds.
          testTimeout: 600_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
