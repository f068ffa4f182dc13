#!/usr/bin/env bash
# Sets up the GitHub side of the release path, idempotently, through the REST API (`gh api`; run it as a
# repository admin after `gh auth login`):
#   - environment `staging`: deployable from main only;
#   - environment `production`: deployable from main and release tags (v*) only, approved by the given reviewers,
#     never by the person who started the run, and admins cannot skip the approval;
#   - ruleset "Release tags": only admins create, move or delete v* tags (a release promotes the tagged commit);
#   - ruleset "Main": changes arrive through reviewed pull requests, with code-owner review (.github/CODEOWNERS),
#     no force push, no deletion.
#
#   infra/github/protect-environments.sh OWNER/REPOSITORY REVIEWER...
#   REVIEWER is team:<organisation>/<team-slug> or user:<login>; GitHub allows up to six.
#
# Secrets stay out of this script: add each environment's secrets in the settings (infra/README.md lists them).
set -euo pipefail

if [ "$#" -lt 2 ] || [[ "$1" != */* ]]; then
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
repository=$1
shift

# Reviewers as the API wants them: [{"type": "Team"|"User", "id": <number>}].
reviewers='[]'
for reviewer in "$@"; do
  case "$reviewer" in
    team:*/*)
      team=${reviewer#team:}
      id=$(gh api "orgs/${team%%/*}/teams/${team#*/}" --jq .id)
      type=Team
      ;;
    user:*)
      id=$(gh api "users/${reviewer#user:}" --jq .id)
      type=User
      ;;
    *)
      echo "Reviewer '$reviewer' is neither team:<organisation>/<slug> nor user:<login>." >&2
      exit 2
      ;;
  esac
  reviewers=$(jq --compact-output --arg type "$type" --argjson id "$id" '. + [{type: $type, id: $id}]' <<< "$reviewers")
done

# Creates or updates an environment, then makes its deployment branch and tag policies exactly the given ones.
# Arguments: name, settings (JSON), then policies as <branch|tag>:<pattern>.
environment() {
  local name=$1 settings=$2
  shift 2
  gh api --method PUT "repos/$repository/environments/$name" --input - --silent <<< "$settings"
  local policies="repos/$repository/environments/$name/deployment-branch-policies"
  local existing
  existing=$(gh api "$policies" --jq '.branch_policies[] | "\(.type):\(.name) \(.id)"')
  local wanted
  for wanted in "$@"; do
    if ! cut -d ' ' -f 1 <<< "$existing" | grep -qxF -- "$wanted"; then
      gh api --method POST "$policies" --silent -f "type=${wanted%%:*}" -f "name=${wanted#*:}"
    fi
  done
  local line
  while read -r line; do
    [ -n "$line" ] || continue
    if ! printf '%s\n' "$@" | grep -qxF -- "${line% *}"; then
      gh api --method DELETE "$policies/${line##* }" --silent
    fi
  done <<< "$existing"
  echo "Environment $name: deployable from ${*}."
}

custom_policies='"deployment_branch_policy": {"protected_branches": false, "custom_branch_policies": true}'
environment staging "{$custom_policies}" branch:main
environment production "$(jq --compact-output --argjson reviewers "$reviewers" \
  ". + {reviewers: \$reviewers, prevent_self_review: true, can_admins_bypass: false, wait_timer: 0}" \
  <<< "{$custom_policies}")" branch:main tag:v*

# Creates the named ruleset or replaces its content.
ruleset() {
  local definition=$1 name id
  name=$(jq -r .name <<< "$definition")
  id=$(gh api "repos/$repository/rulesets" --jq ".[] | select(.name == \"$name\") | .id")
  if [ -n "$id" ]; then
    gh api --method PUT "repos/$repository/rulesets/$id" --input - --silent <<< "$definition"
  else
    gh api --method POST "repos/$repository/rulesets" --input - --silent <<< "$definition"
  fi
  echo "Ruleset $name: active."
}

# actor_id 5 is the built-in admin repository role.
ruleset '{
  "name": "Release tags", "target": "tag", "enforcement": "active",
  "conditions": {"ref_name": {"include": ["refs/tags/v*"], "exclude": []}},
  "rules": [{"type": "creation"}, {"type": "update"}, {"type": "deletion"}],
  "bypass_actors": [{"actor_id": 5, "actor_type": "RepositoryRole", "bypass_mode": "always"}]
}'
ruleset '{
  "name": "Main", "target": "branch", "enforcement": "active",
  "conditions": {"ref_name": {"include": ["~DEFAULT_BRANCH"], "exclude": []}},
  "rules": [
    {"type": "deletion"}, {"type": "non_fast_forward"},
    {"type": "pull_request", "parameters": {"required_approving_review_count": 1, "require_code_owner_review": true,
      "dismiss_stale_reviews_on_push": true, "require_last_push_approval": true,
      "required_review_thread_resolution": false}}
  ]
}'
