#!/usr/bin/env bash
# Build the Azure AI Search index from the shipped label corpus (azd postprovision hook; also
# runnable by hand after `azd provision`). Idempotent: the ingest creates or updates the index and
# uploads chunks by id. Skipped when PHARMABOT_SKIP_INGEST=1.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "$0")/common.sh"
cd "$ROOT"

if [[ "${PHARMABOT_SKIP_INGEST:-}" == "1" ]]; then
  log "PHARMABOT_SKIP_INGEST=1: not building the search index"
  exit 0
fi

if [[ -z "${AZURE_SEARCH_ENDPOINT:-}" ]]; then
  require azd
  load_azd_env
fi
[[ -n "${AZURE_SEARCH_ENDPOINT:-}" ]] || die "AZURE_SEARCH_ENDPOINT is not set: provision first (azd provision)"
require make

log "installing the app's requirements into .venv"
make --no-print-directory install >/dev/null

# Role assignments made by the provisioning can take a few minutes to reach the data plane.
attempts="${PHARMABOT_INGEST_ATTEMPTS:-5}"
for ((i = 1; i <= attempts; i++)); do
  log "building search index '${AZURE_SEARCH_INDEX:-pharmabot-labels}' on $AZURE_SEARCH_ENDPOINT (attempt $i of $attempts)"
  # AZURE_CLIENT_ID names the app's managed identity (or, in CI, the pipeline): the ingest runs as
  # whoever is signed in to azd or the Azure CLI instead.
  if env -u AZURE_CLIENT_ID .venv/bin/python -m pharmabot ingest --target azure-search; then
    log "search index ready"
    exit 0
  fi
  if ((i < attempts)); then
    warn "ingest failed; retrying in 30 s (new role assignments may still be propagating)"
    sleep 30
  fi
done
die "ingest failed $attempts times; rerun with: scripts/ingest.sh"
