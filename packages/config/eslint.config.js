import { baseConfig } from '@repo/eslint-config/base';

export default [
  ...baseConfig({ tsconfigRootDir: import.meta.dirname }),
  {
    // This package is the one place allowed to read the process environment.
    rules: { 'no-restricted-properties': 'off', 'no-restricted-imports': 'off' },
  },
];
