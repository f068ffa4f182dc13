/** The four environments a process can run in. Nothing else is accepted, so `prod` or `live` never slips through. */
export const APP_ENVIRONMENTS = ['development', 'staging', 'production', 'test'] as const;

export type AppEnvironment = (typeof APP_ENVIRONMENTS)[number];

/** Environments that serve real users; the strictest rules apply to both. */
export const DEPLOYED_ENVIRONMENTS = [
  'staging',
  'production',
] as const satisfies readonly AppEnvironment[];

export type NodeEnvironment = 'development' | 'production' | 'test';

export function isAppEnvironment(value: string): value is AppEnvironment {
  return (APP_ENVIRONMENTS as readonly string[]).includes(value);
}

/** The one place that decides whether an environment serves real users; everything else asks here. */
export function isDeployed(environment: string): boolean {
  return (DEPLOYED_ENVIRONMENTS as readonly string[]).includes(environment);
}

/**
 * NODE_ENV follows APP_ENV: staging runs as `production` too, because Express and many libraries show stack
 * traces and skip caches whenever NODE_ENV is anything else.
 */
export function nodeEnvironmentFor(environment: AppEnvironment): NodeEnvironment {
  if (isDeployed(environment)) return 'production';
  return environment === 'test' ? 'test' : 'development';
}

/**
 * Words that name an environment inside a host, database name or queue prefix. Matching is by whole word
 * (split on anything that is not a letter or digit, trailing digits ignored), so `prod-db` and `ladder_prod2`
 * match `production` while `products` does not.
 */
const ENVIRONMENT_WORDS: Record<AppEnvironment, readonly string[]> = {
  development: ['dev', 'development', 'develop'],
  staging: ['staging', 'stage', 'stg'],
  production: ['prod', 'production', 'prd', 'live'],
  test: ['test', 'testing'],
};

/** Which environments a name such as `db-staging.internal` or `ladder_prod` refers to, by its words. */
export function environmentsNamedIn(text: string): AppEnvironment[] {
  const words = new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .map((word) => word.replace(/\d+$/, ''))
      .filter((word) => word.length > 0),
  );
  return APP_ENVIRONMENTS.filter((environment) =>
    ENVIRONMENT_WORDS[environment].some((word) => words.has(word)),
  );
}
