import { secretFragments } from '../output/mask.js';
import type { Problem } from '../problems.js';
import { hostOf } from '../rules/url-parts.js';
import { variableEntry, type VariableName } from '../schema.js';
import type { DiffSide } from './read-side.js';

function label(side: DiffSide): string {
  return side.environment ?? side.source.path;
}

/** Every secret fragment (whole values, passwords inside URLs) of one side, with the variable it belongs to. */
function secretsOf(side: DiffSide): { variable: VariableName; fragment: string }[] {
  return [...side.effective]
    .filter(([name]) => variableEntry(name).sensitive)
    .flatMap(([variable, value]) =>
      secretFragments(value)
        .filter((fragment) => fragment.length > 0)
        .map((fragment) => ({ variable, fragment })),
    );
}

function sharedSecrets(a: DiffSide, b: DiffSide): Problem[] {
  const found = new Map<string, Problem>();
  const other = secretsOf(b);
  for (const mine of secretsOf(a)) {
    for (const theirs of other) {
      if (mine.fragment !== theirs.fragment) continue;
      const key = `${mine.variable}/${theirs.variable}`;
      if (found.has(key)) continue;
      found.set(key, {
        variable: mine.variable,
        rule: 'shared-secret',
        message:
          mine.variable === theirs.variable
            ? `holds the same secret in ${label(a)} and ${label(b)}, so a leak of either is a leak of both`
            : `in ${label(a)} holds a secret that ${theirs.variable} in ${label(b)} holds too`,
        fix: `give each environment its own ${mine.variable === theirs.variable ? mine.variable : 'credentials'} and rotate the shared one`,
      });
    }
  }
  return [...found.values()];
}

/** host:port/path of a connection URL, with the scheme's default port, lower-cased. */
function endpointOf(
  url: string | undefined,
  defaultPort: string,
  defaultPath: string,
): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  const path = decodeURIComponent(parsed.pathname).replace(/^\/+/, '') || defaultPath;
  return `${hostOf(url).replace(/\.+$/, '')}:${parsed.port || defaultPort}/${path}`;
}

function same(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && a === b;
}

/**
 * What two environments must never share, named by variable and never by value: any secret (keys, passwords
 * inside URLs, Stripe and SMTP credentials), the same database, the same Redis keyspace with the same queue
 * prefix, the same bucket.
 */
export function findSharedResources(a: DiffSide, b: DiffSide): Problem[] {
  const problems = sharedSecrets(a, b);
  const between = `${label(a)} and ${label(b)}`;
  const value = (side: DiffSide, name: VariableName) => side.effective.get(name);
  if (
    same(
      endpointOf(value(a, 'DATABASE_URL'), '5432', ''),
      endpointOf(value(b, 'DATABASE_URL'), '5432', ''),
    )
  ) {
    problems.push({
      variable: 'DATABASE_URL',
      rule: 'shared-database',
      message: `names the same database (host, port and name) in ${between}`,
      fix: `give each environment its own database`,
    });
  }
  if (
    same(
      endpointOf(value(a, 'REDIS_URL'), '6379', '0'),
      endpointOf(value(b, 'REDIS_URL'), '6379', '0'),
    ) &&
    same(value(a, 'QUEUE_PREFIX'), value(b, 'QUEUE_PREFIX'))
  ) {
    problems.push({
      variable: 'REDIS_URL',
      rule: 'shared-redis',
      message: `names the same Redis (host, port and database number) with the same QUEUE_PREFIX in ${between}, so their workers would take each other's jobs`,
      fix: 'give each environment its own Redis, or at least its own QUEUE_PREFIX',
    });
  }
  if (
    same(value(a, 'S3_BUCKET'), value(b, 'S3_BUCKET')) &&
    value(a, 'S3_ENDPOINT') === value(b, 'S3_ENDPOINT')
  ) {
    problems.push({
      variable: 'S3_BUCKET',
      rule: 'shared-bucket',
      message: `names the same bucket in ${between}, so one environment could overwrite or delete the other's files`,
      fix: 'give each environment its own bucket',
    });
  }
  return problems;
}
