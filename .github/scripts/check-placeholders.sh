#!/usr/bin/env bash
# Refuses an overlay that still holds a template placeholder (CHANGE_ME, change-me), naming the object and line of
# each one, before a release changes anything. The API server accepts most of them (a label value in a network
# policy, a bucket name, a host no controller serves), so without this a first deploy could end green and serve
# nothing. Called by deploy.yml and promote.yml; works the same on a workstation:
#
#   .github/scripts/check-placeholders.sh infra/environments/staging
#
# Exits 0 when the rendered overlay holds no placeholder, 1 when it does, 2 when it does not render.
set -euo pipefail

overlay=${1:?usage: check-placeholders.sh <overlay folder, e.g. infra/environments/staging>}

# The release workflows render with kustomize; kubectl carries the same renderer.
if command -v kustomize > /dev/null; then
  render=(kustomize build "$overlay")
else
  render=(kubectl kustomize "$overlay")
fi
if ! rendered=$("${render[@]}"); then
  echo "::error::$overlay does not render (${render[*]})." >&2
  exit 2
fi

# kustomize writes one document per object, keys sorted, so a ConfigMap's data comes before its kind and name:
# each document's findings are held until its end, then printed with the object they belong to. A Secret's
# values are never printed, only that it holds a placeholder.
findings=$(awk '
  function flush() {
    for (i = 1; i <= count; i++) print kind " " name ": " (kind == "Secret" ? "(a value, not shown)" : found[i])
    count = 0; kind = ""; name = ""; in_metadata = 0
  }
  /^---/ { flush(); next }
  /^kind: / { kind = $2 }
  /^metadata:/ { in_metadata = 1; next }
  /^[^ ]/ { in_metadata = 0 }
  in_metadata && /^  name: / { name = $2 }
  tolower($0) ~ /change[-_]me/ {
    line = $0; sub(/^ +(- )?/, "", line)
    # A bare list item is named by the key of its list (hosts: …).
    if ($0 ~ /^ *- [^:]*$/) line = key ": " line
    found[++count] = line
  }
  match($0, /^ *(- )?[A-Za-z0-9_.\/-]+:/) { key = substr($0, RSTART, RLENGTH - 1); sub(/^ *(- )?/, "", key) }
  END { flush() }
' <<< "$rendered" | sort -u)

if [ -n "$findings" ]; then
  echo "::error::$overlay still holds template placeholders. Fill in each one before releasing (infra/README.md, \"Placeholders\"):" >&2
  while IFS= read -r finding; do echo "  $finding" >&2; done <<< "$findings"
  exit 1
fi
echo "$overlay holds no template placeholder."
