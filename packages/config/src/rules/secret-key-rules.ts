import { DEPLOYED_ENVIRONMENTS } from '../environments.js';
import { defineRule } from './rule.js';

const GENERATE =
  'generate a new key with `openssl rand -base64 48` and store it in the secret store (or mount it and set SECRET_KEY_FILE)';

/** Words that only appear in keys somebody meant to replace. */
const PLACEHOLDER_WORDS = [
  'changeme',
  'change-me',
  'change_me',
  'replace',
  'example',
  'insecure',
  'placeholder',
  'secret-key',
  'secret_key',
  'secretkey',
  'do-not-deploy',
  'dummy',
  'default',
  'password',
  'sample',
  'todo',
];

export const secretKeyRules = [
  defineRule({
    name: 'secret-key-length',
    environments: DEPLOYED_ENVIRONMENTS,
    description: 'SECRET_KEY has at least 32 characters.',
    check: ({ values }) =>
      values.SECRET_KEY !== undefined && values.SECRET_KEY.length < 32
        ? [{ variable: 'SECRET_KEY', message: 'is shorter than 32 characters', fix: GENERATE }]
        : [],
  }),
  defineRule({
    name: 'secret-key-variety',
    environments: DEPLOYED_ENVIRONMENTS,
    description: 'SECRET_KEY uses at least 10 distinct characters.',
    check: ({ values }) =>
      values.SECRET_KEY !== undefined && new Set(values.SECRET_KEY).size < 10
        ? [
            {
              variable: 'SECRET_KEY',
              message: 'uses fewer than 10 distinct characters',
              fix: GENERATE,
            },
          ]
        : [],
  }),
  defineRule({
    name: 'secret-key-committed',
    environments: DEPLOYED_ENVIRONMENTS,
    description: 'SECRET_KEY is not a value found in a committed .env.*.example file.',
    check: ({ values, committedSecretKeys }) =>
      values.SECRET_KEY !== undefined && committedSecretKeys.includes(values.SECRET_KEY)
        ? [
            {
              variable: 'SECRET_KEY',
              message: 'is the value from a committed .env.*.example file, so it is public',
              fix: GENERATE,
            },
          ]
        : [],
  }),
  defineRule({
    name: 'secret-key-placeholder',
    environments: DEPLOYED_ENVIRONMENTS,
    description: `SECRET_KEY contains none of the placeholder words (${PLACEHOLDER_WORDS.join(', ')}).`,
    check: ({ values }) => {
      const key = values.SECRET_KEY?.toLowerCase();
      const word =
        key === undefined
          ? undefined
          : PLACEHOLDER_WORDS.find((candidate) => key.includes(candidate));
      return word === undefined
        ? []
        : [
            {
              variable: 'SECRET_KEY',
              message: `looks like a placeholder (it contains "${word}")`,
              fix: GENERATE,
            },
          ];
    },
  }),
];
