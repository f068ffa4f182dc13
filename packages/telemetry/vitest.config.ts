import { defineConfig } from 'vitest/config';

export default defineConfig({
  // `@repo/source` points workspace packages at their TypeScript source, so tests never run a stale `dist`;
  // the rest are Vite's default server conditions.
  ssr: { resolve: { conditions: ['@repo/source', 'module', 'node', 'development|production'] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
          exclude: ['test/**/*.e2e.spec.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e.spec.ts'],
          // One compose stack (Postgres and Redis) for the run, removed at the end with its volumes.
          globalSetup: ['./test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
