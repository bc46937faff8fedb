#!/usr/bin/env bash
# Delete everything `scripts/deploy.sh` (or `azd up`) created, purging soft-deleted resources
# (Azure OpenAI keeps a deleted account's name for 48 h otherwise). Safe to rerun.
# Usage: scripts/teardown.sh [ENVIRONMENT_NAME]
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "$0")/common.sh"
cd "$ROOT"
require azd

if [[ -n "${1:-}" ]]; then
  azd env select "$1" >/dev/null 2>&1 || die "no azd environment named '$1'"
fi
if [[ -z "$(azd_value AZURE_RESOURCE_GROUP)" ]]; then
  log "this azd environment has no provisioned resources: nothing to tear down"
  exit 0
fi
log "deleting resource group $(azd_value AZURE_RESOURCE_GROUP) and purging soft-deleted resources"
azd down --force --purge --no-prompt
azd env set AZURE_RESOURCE_GROUP "" >/dev/null
log "torn down"
