import { defineConfig } from 'vitest/config';

export default defineConfig({
  // `@repo/source` points workspace packages at their TypeScript source, so tests never run a stale `dist`;
  // the rest are Vite's default server conditions.
  ssr: { resolve: { conditions: ['@repo/source', 'module', 'node', 'development|production'] } },
  test: {
    projects: [
      // Logic that needs no server: `pnpm test`, no Docker.
      { extends: true, test: { name: 'unit', include: ['src/**/*.spec.ts'], testTimeout: 30_000 } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e.spec.ts'],
          // One compose stack (Postgres + Redis) for the whole run; each file makes its own database.
          globalSetup: ['./test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
