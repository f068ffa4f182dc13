import { defineConfig } from 'vitest/config';

export default defineConfig({
  // `@repo/source` points workspace packages at their TypeScript source, so tests never run a stale `dist`;
  // the rest are Vite's default server conditions.
  ssr: { resolve: { conditions: ['@repo/source', 'module', 'node', 'development|production'] } },
  test: {
    include: ['src/**/*.spec.ts'],
  },
});
