import { baseConfig } from '@repo/eslint-config/base';

export default [
  // Mutation testing's sandbox copy and report.
  { ignores: ['.stryker-tmp/', 'reports/'] },
  ...baseConfig({ tsconfigRootDir: import.meta.dirname }),
  {
    // This package is the one place allowed to read the process environment.
    rules: { 'no-restricted-properties': 'off', 'no-restricted-imports': 'off' },
  },
];
