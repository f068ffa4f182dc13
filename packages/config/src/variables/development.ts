import { textValue } from './value-types.js';
import { defineVariable } from './variable.js';

/** Set by `pnpm dev` for its own bookkeeping; nobody sets these by hand. */
export const developmentVariables = {
  DEV_RUN_ID: defineVariable(
    textValue({ regex: /^[0-9a-f]{8,64}$/, expected: 'hex digits, as pnpm dev generates them' }),
    {
      description:
        'Set by pnpm dev for each run; the web app echoes it in the X-Dev-Run response header, so pnpm dev only reports ready for the app it started itself (never another server on the port). Leave unset.',
      example: '3f9c2a71d04be815',
      apps: ['web'],
      sensitive: false,
      configPath: 'development.runId',
      group: 'development',
      fingerprinted: false,
    },
  ),
};
