import { APP_ENVIRONMENTS } from '../environments.js';
import { textValue } from './value-types.js';
import { defineVariable } from './variable.js';

/** The application's signing key. The strength rules live in rules/secret-key.ts. */
export const securityVariables = {
  SECRET_KEY: defineVariable(textValue(), {
    description:
      'Signs sessions and tokens. In staging and production: 32+ characters, 10+ distinct, never a committed example or a placeholder.',
    example: '(48 random characters: openssl rand -base64 48)',
    requiredIn: APP_ENVIRONMENTS,
    apps: ['web', 'worker'],
    sensitive: true,
    configPath: 'security.secretKey',
    group: 'security',
    exampleFiles: {
      development: 'dev-only-secret-key-do-not-deploy-0123456789abcdef',
      staging: 'CHANGE_ME',
      production: 'CHANGE_ME',
    },
  }),
};
