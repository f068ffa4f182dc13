import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from './support/workflows.js';

/**
 * infra/github/protect-environments.sh against a stand-in `gh` that records each API call (method, endpoint,
 * fields, body) and answers lookups the way GitHub does. No network, no token.
 */

const SCRIPT = join(REPOSITORY_ROOT, 'infra/github/protect-environments.sh');

interface Call {
  method: string;
  endpoint: string;
  fields: string[];
  body: unknown;
}

let folder: string;

/** The stand-in: GET answers come from files named after the endpoint; every call is appended to calls.jsonl. */
function fakeGh(responses: Record<string, unknown>): void {
  for (const [endpoint, response] of Object.entries(responses))
    writeFileSync(join(folder, `${endpoint.replaceAll('/', '_')}.json`), JSON.stringify(response));
  const gh = `#!/usr/bin/env bash
set -euo pipefail
[ "$1" = api ] || exit 64
shift
method=GET endpoint="" jq_filter="" input="" fields=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --method) method=$2; shift 2 ;;
    --jq) jq_filter=$2; shift 2 ;;
    --input) input=$(cat); shift 2 ;;
    --silent) shift ;;
    -f|-F) fields+=("$2"); shift 2 ;;
    *) endpoint=$1; shift ;;
  esac
done
[ -n "$input" ] || input=null
jq --null-input --compact-output --arg method "$method" --arg endpoint "$endpoint" --argjson body "$input" \\
  '{method: $method, endpoint: $endpoint, fields: $ARGS.positional, body: $body}' --args "\${fields[@]}" \\
  >> "${folder}/calls.jsonl"
response="${folder}/\${endpoint//\\//_}.json"
if [ "$method" = GET ] && [ -f "$response" ]; then
  if [ -n "$jq_filter" ]; then jq -r "$jq_filter" "$response"; else cat "$response"; fi
fi
`;
  writeFileSync(join(folder, 'gh'), gh);
  chmodSync(join(folder, 'gh'), 0o755);
}

function run(...args: string[]): { status: number | null; output: string; calls: Call[] } {
  const result = spawnSync('bash', [SCRIPT, ...args], {
    encoding: 'utf8',
    env: { PATH: `${folder}:/usr/bin:/bin` },
  });
  let calls: Call[] = [];
  try {
    calls = readFileSync(join(folder, 'calls.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Call);
  } catch {
    // no call was made
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}`, calls };
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'ladder-gh-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

const REPOSITORY = 'acme/ladder';
const freshRepository = {
  'orgs/acme/teams/release-managers': { id: 42 },
  'users/octocat': { id: 7 },
  [`repos/${REPOSITORY}/environments/staging/deployment-branch-policies`]: { branch_policies: [] },
  [`repos/${REPOSITORY}/environments/production/deployment-branch-policies`]: {
    branch_policies: [],
  },
  [`repos/${REPOSITORY}/rulesets`]: [],
};

/** Each run starts bash, the stand-in and jq a few dozen times: slow on a busy machine, though never a timing test. */
const PROCESS_HEAVY = { timeout: 60_000 };

describe('infra/github/protect-environments.sh', PROCESS_HEAVY, () => {
  it('limits production to main and release tags, with reviewers, no self-review and no admin bypass', () => {
    fakeGh(freshRepository);
    const { status, output, calls } = run(REPOSITORY, 'team:acme/release-managers');
    expect(status, output).toBe(0);

    const production = calls.find(
      (call) =>
        call.method === 'PUT' && call.endpoint === `repos/${REPOSITORY}/environments/production`,
    );
    expect(production?.body).toEqual({
      deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
      reviewers: [{ type: 'Team', id: 42 }],
      prevent_self_review: true,
      can_admins_bypass: false,
      wait_timer: 0,
    });
    const policies = (environment: string): string[][] =>
      calls
        .filter(
          (call) =>
            call.method === 'POST' &&
            call.endpoint ===
              `repos/${REPOSITORY}/environments/${environment}/deployment-branch-policies`,
        )
        .map((call) => call.fields);
    expect(policies('production')).toEqual([
      ['type=branch', 'name=main'],
      ['type=tag', 'name=v*'],
    ]);
    expect(policies('staging')).toEqual([['type=branch', 'name=main']]);
  });

  it('lets only admins create or move release tags, and requires code-owner review on main', () => {
    fakeGh(freshRepository);
    const { calls } = run(REPOSITORY, 'user:octocat');
    const rulesets = calls.filter(
      (call) => call.method === 'POST' && call.endpoint === `repos/${REPOSITORY}/rulesets`,
    );
    expect(rulesets.map((call) => call.body)).toEqual([
      expect.objectContaining({
        name: 'Release tags',
        target: 'tag',
        conditions: { ref_name: { include: ['refs/tags/v*'], exclude: [] } },
        rules: [{ type: 'creation' }, { type: 'update' }, { type: 'deletion' }],
      }),
      expect.objectContaining({
        name: 'Main',
        rules: expect.arrayContaining([
          expect.objectContaining({
            type: 'pull_request',
            parameters: expect.objectContaining({ require_code_owner_review: true }),
          }),
        ]),
      }),
    ]);
  });

  it('converges on a second run: removes a stray branch policy and updates rulesets in place', () => {
    fakeGh({
      ...freshRepository,
      [`repos/${REPOSITORY}/environments/production/deployment-branch-policies`]: {
        branch_policies: [
          { id: 1, type: 'branch', name: 'main' },
          { id: 2, type: 'branch', name: 'release/*' },
          { id: 3, type: 'tag', name: 'v*' },
        ],
      },
      [`repos/${REPOSITORY}/rulesets`]: [
        { id: 11, name: 'Release tags' },
        { id: 12, name: 'Main' },
      ],
    });
    const { status, output, calls } = run(REPOSITORY, 'user:octocat');
    expect(status, output).toBe(0);
    const changes = calls
      .filter((call) => call.method !== 'GET' && !call.endpoint.endsWith('/environments/staging'))
      .map((call) => `${call.method} ${call.endpoint}`);
    expect(changes).toEqual([
      `POST repos/${REPOSITORY}/environments/staging/deployment-branch-policies`,
      `PUT repos/${REPOSITORY}/environments/production`,
      `DELETE repos/${REPOSITORY}/environments/production/deployment-branch-policies/2`,
      `PUT repos/${REPOSITORY}/rulesets/11`,
      `PUT repos/${REPOSITORY}/rulesets/12`,
    ]);
  });

  it('refuses to run without reviewers for production', () => {
    fakeGh(freshRepository);
    const { status, calls } = run(REPOSITORY);
    expect(status).toBe(2);
    expect(calls).toEqual([]);
  });
});
