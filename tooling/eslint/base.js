import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const envMessage =
  "Read configuration from '@repo/config' (loadConfig or the Nest module): it is the only code allowed to touch process.env, so every process sees one validated environment.";

/**
 * Forbids reading `process.env` outside packages/config. That package turns its own copy of the rule off.
 */
export const restrictEnvironmentAccess = [
  {
    files: ['**/*.{js,ts,mjs,cjs}'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: envMessage },
      ],
      'no-restricted-imports': [
        'error',
        { name: 'process', importNames: ['env'], message: envMessage },
        { name: 'node:process', importNames: ['env'], message: envMessage },
      ],
    },
  },
];

/**
 * The base flat config for every TypeScript package: type-aware rules, Node globals and the environment rule.
 * @param {{ tsconfigRootDir: string }} options - the package folder (`import.meta.dirname` in its eslint.config.js)
 */
export function baseConfig({ tsconfigRootDir }) {
  return defineConfig(
    { ignores: ['dist/**', 'coverage/**', '.turbo/**', 'drizzle/**'] },
    js.configs.recommended,
    tseslint.configs.recommendedTypeChecked,
    tseslint.configs.stylisticTypeChecked,
    {
      languageOptions: {
        globals: globals.node,
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      rules: {
        '@typescript-eslint/consistent-type-imports': [
          'error',
          { fixStyle: 'separate-type-imports' },
        ],
        '@typescript-eslint/explicit-module-boundary-types': 'error',
        '@typescript-eslint/no-unused-vars': [
          'error',
          { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
        ],
        '@typescript-eslint/only-throw-error': 'error',
        eqeqeq: ['error', 'smart'],
      },
    },
    {
      // Asymmetric matchers (expect.any, expect.stringMatching) are typed `any` by design.
      files: ['**/*.spec.ts', '**/test/**/*.ts'],
      rules: {
        '@typescript-eslint/no-unsafe-assignment': 'off',
        '@typescript-eslint/no-unsafe-argument': 'off',
      },
    },
    {
      // Plain JavaScript files (configs, bin shims) are not part of any tsconfig.
      files: ['**/*.{js,mjs,cjs}'],
      extends: [tseslint.configs.disableTypeChecked],
    },
    restrictEnvironmentAccess,
  );
}
