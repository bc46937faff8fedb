#!/usr/bin/env bash
# Deploy PharmaBot to Azure end to end: provision (infra/), deploy the function app, build the
# search index (postprovision hook), then smoke-test the deployed API. Safe to rerun.
# Usage: scripts/deploy.sh [ENVIRONMENT_NAME]   (AZURE_LOCATION picks the region for a new one)
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "$0")/common.sh"
cd "$ROOT"
require azd curl sha256sum make

env_name="${1:-${AZURE_ENV_NAME:-}}"
if [[ -n "$env_name" ]]; then
  if azd env select "$env_name" >/dev/null 2>&1; then
    log "using azd environment '$env_name'"
  else
    log "creating azd environment '$env_name'"
    azd env new "$env_name" ${AZURE_LOCATION:+--location "$AZURE_LOCATION"} ${AZURE_SUBSCRIPTION_ID:+--subscription "$AZURE_SUBSCRIPTION_ID"}
  fi
fi

azd auth login --check-status >/dev/null 2>&1 || die "not signed in: run 'azd auth login'"

bash scripts/ensure-api-key.sh

log "provisioning and deploying (azd up)"
azd up --no-prompt

bash scripts/smoke-test.sh "$(azd_value SERVICE_API_URI)"
log "deployed: $(azd_value SERVICE_API_URI)"
if [[ "${PHARMABOT_INGEST:-text}" == "text" ]]; then
  log "the search index has the label text; for hybrid search add its vectors (hours, resumable): scripts/ingest.sh"
fi
