#!/usr/bin/env bash
# Runs two released images the way staging will, before staging gets them: the release step (migrate), the worker
# and web in staging mode on compose's Postgres and Redis, then one report end to end (web queues it, the worker
# completes it). Called by deploy.yml with the pushed digests; works the same on a workstation:
#
#   WEB_IMAGE=ghcr.io/acme/ladder-web@sha256:… WORKER_IMAGE=ghcr.io/acme/ladder-worker@sha256:… \
#     .github/scripts/smoke-test-images.sh
#
# Leaves nothing behind: the compose project, its volumes and the secret files go whatever the outcome.
set -euo pipefail

: "${WEB_IMAGE:?set WEB_IMAGE to the web image reference (a digest in CI)}"
: "${WORKER_IMAGE:?set WORKER_IMAGE to the worker image reference (a digest in CI)}"

compose_folder="$(cd "$(dirname "$0")/../../infra/compose" && pwd)"
host=staging.example.com
project="ladder-smoke-$$"
secrets="$(mktemp -d)"

compose() {
  docker compose --project-name "$project" --project-directory "$compose_folder" \
    -f "$compose_folder/compose.yaml" -f "$compose_folder/compose.staging.yaml" "$@"
}

# shellcheck disable=SC2317 # only the EXIT trap calls it
finish() {
  local status=$?
  if [ "$status" -ne 0 ]; then compose logs --no-color --tail 200 || true; fi
  compose down --volumes --remove-orphans --timeout 45 >/dev/null 2>&1 || true
  rm -rf "$secrets"
  exit "$status"
}
trap finish EXIT

# The images' user (uid 1000) reads these through compose secrets: world-readable files in a private folder.
chmod 700 "$secrets"
postgres_password="$(openssl rand -hex 24)"
(
  umask 022
  openssl rand -base64 48 | tr -d '\n' > "$secrets/secret_key"
  printf '%s' "$postgres_password" > "$secrets/postgres_password"
  printf 'postgres://ladder:%s@postgres:5432/ladder' "$postgres_password" > "$secrets/database_url"
)

export LADDER_WEB_IMAGE="$WEB_IMAGE" LADDER_WORKER_IMAGE="$WORKER_IMAGE" LADDER_SECRETS_DIR="$secrets"
export PUBLIC_HOST="$host" LADDER_ENV_FILE=/dev/null
# Any free host ports: two smoke runs on one machine must not collide.
export WEB_HOST_PORT=0 MANAGEMENT_HOST_PORT=0

# --wait returns once migrate has completed and web and worker report ready; --no-build, so only the given images
# run.
compose up --no-build --pull missing --wait --wait-timeout 180 --quiet-pull
address="$(compose port web 3000)"
base="http://127.0.0.1:${address##*:}"

id="$(curl --fail-with-body --silent --show-error --header "Host: $host" --header 'Content-Type: application/json' \
  --data '{"title":"Release smoke test","periodDays":1}' "$base/api/reports" | jq -r .id)"
echo "Queued report $id"
for _ in $(seq 60); do
  report="$(curl --fail-with-body --silent --show-error --header "Host: $host" "$base/api/reports/$id")"
  status="$(jq -r .status <<<"$report")"
  if [ "$status" = completed ]; then break; fi
  sleep 1
done
if [ "$status" != completed ]; then
  echo "::error::Report $id is still '$status' after 60 s: the worker image did not process the web image's job." >&2
  exit 1
fi
echo "The worker completed report $id: both images work together in staging mode."

# The worker wrote the report's CSV on the media volume; its signed link (on PUBLIC_URL, the TLS proxy's host)
# must download it from web.
link="$(jq -r .links.download.csv <<<"$report")"
path="/${link#https://"$host"/}"
if ! curl --fail-with-body --silent --show-error --header "Host: $host" "$base$path" | grep --quiet "^$id,"; then
  echo "::error::The download link of report $id ($path) did not return its CSV." >&2
  exit 1
fi
echo "Its download link returns the CSV the worker stored."
