import { baseConfig } from '@repo/eslint-config/base';

export default [
  ...baseConfig({ tsconfigRootDir: import.meta.dirname }),
  {
    // Plain JavaScript scripts run by node: their exports cannot carry type annotations.
    files: ['**/*.mjs'],
    rules: { '@typescript-eslint/explicit-module-boundary-types': 'off' },
  },
];
