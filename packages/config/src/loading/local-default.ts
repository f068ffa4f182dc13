import { cleanValue } from './layers.js';

/**
 * The environment a developer's command means when it names none: nothing when APP_ENV is set (the loader reads
 * it) or on CI (which must say what it means), else development. `pnpm dev` records its stack's URLs in
 * .env.development.local, so `pnpm db:status` or `pnpm env:print` without flags look at the running dev stack.
 */
export function localDefaultEnvironment(
  environment: Readonly<Record<string, string | undefined>> = process.env,
): 'development' | undefined {
  if (cleanValue(environment.APP_ENV) !== undefined || cleanValue(environment.CI) !== undefined)
    return undefined;
  return 'development';
}
