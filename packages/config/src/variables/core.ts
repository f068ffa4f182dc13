import { APP_ENVIRONMENTS } from '../environments.js';
import { booleanValue, choiceValue, textValue } from './value-types.js';
import { defineVariable } from './variable.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Which environment the process runs in, and how loudly it talks about it. */
export const coreVariables = {
  APP_ENV: defineVariable(choiceValue(APP_ENVIRONMENTS), {
    description:
      'The environment this process runs in; it picks the .env file, the defaults and the safety rules.',
    example: 'production',
    requiredIn: APP_ENVIRONMENTS,
    apps: ['web', 'worker'],
    sensitive: false,
    configPath: 'appEnv',
    group: 'core',
    exampleFiles: { development: 'development', staging: 'staging', production: 'production' },
  }),
  NODE_ENV: defineVariable(choiceValue(['development', 'production', 'test']), {
    description:
      'Derived from APP_ENV (production for staging and production); leave it unset. A value that contradicts APP_ENV is refused.',
    example: 'production',
    default: {
      development: 'development',
      test: 'test',
      staging: 'production',
      production: 'production',
    },
    apps: ['web', 'worker'],
    sensitive: false,
    configPath: 'nodeEnv',
    group: 'core',
  }),
  DEBUG: defineVariable(booleanValue(), {
    description: 'Verbose errors and diagnostics. Must be false in staging and production.',
    example: 'false',
    default: { development: 'true', test: 'false', staging: 'false', production: 'false' },
    apps: ['web', 'worker'],
    sensitive: false,
    configPath: 'debug',
    group: 'core',
    exampleFiles: { development: 'true', staging: 'false', production: 'false' },
  }),
  LOG_LEVEL: defineVariable(choiceValue(LOG_LEVELS, { ignoreCase: true }), {
    description: 'Minimum level written to the logs. Production allows info or quieter.',
    example: 'info',
    default: { development: 'debug', test: 'warn', staging: 'info', production: 'info' },
    apps: ['web', 'worker'],
    sensitive: false,
    configPath: 'logLevel',
    group: 'core',
    fingerprinted: false,
    exampleFiles: { development: 'debug', staging: 'info', production: 'info' },
  }),
  APP_VERSION: defineVariable(textValue(), {
    description:
      'Release version shown on the status page and in heartbeats; set when the image is built.',
    example: '1.4.0',
    default: 'dev',
    apps: ['web', 'worker'],
    sensitive: false,
    configPath: 'release.version',
    group: 'core',
    fingerprinted: false,
  }),
  GIT_SHA: defineVariable(
    textValue({
      regex: /^(?:[0-9a-f]{7,40}|unknown)$/,
      expected: 'a git commit SHA (7 to 40 hex digits)',
    }),
    {
      description: 'Commit the running build was made from; set when the image is built.',
      example: '3f2c1ab',
      default: 'unknown',
      apps: ['web', 'worker'],
      sensitive: false,
      configPath: 'release.gitSha',
      group: 'core',
      fingerprinted: false,
    },
  ),
};
