#!/usr/bin/env bash
# Fill the Azure AI Search index from the label corpus: `python -m pharmabot ingest --target azure-search`.
# The ingest is incremental and resumable: what the index already holds is not sent again, so a rerun after
# a failure or a timeout goes on where it stopped, and a rerun with nothing new does nothing.
#
# Usage: scripts/ingest.sh [--text-only] [LABEL FILES OR FOLDERS...]
#        scripts/ingest.sh --hook        (azd postprovision: what PHARMABOT_INGEST says, `text` by default)
#   PHARMABOT_INGEST=text   upload the label text only (minutes): keyword and semantic search work at once
#   PHARMABOT_INGEST=full   text and vectors (hours under the default 120K tokens-per-minute embedding quota)
#   PHARMABOT_INGEST=skip   (or PHARMABOT_SKIP_INGEST=1) nothing
# Without --hook the ingest is full (text and vectors) unless --text-only is given.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "$0")/common.sh"
cd "$ROOT"

mode="full"
if [[ "${1:-}" == "--hook" ]]; then
  shift
  mode="${PHARMABOT_INGEST:-text}"
  [[ "${PHARMABOT_SKIP_INGEST:-}" == "1" ]] && mode="skip"
fi
if [[ "${1:-}" == "--text-only" ]]; then
  shift
  mode="text"
fi
case "$mode" in
  skip)
    log "PHARMABOT_INGEST=skip: not filling the search index"
    exit 0
    ;;
  text) args=(--no-vectors) ;;
  full) args=() ;;
  *) die "PHARMABOT_INGEST must be text, full or skip (got '$mode')" ;;
esac

if [[ -z "${AZURE_SEARCH_ENDPOINT:-}" ]]; then
  require azd
  load_azd_env
fi
[[ -n "${AZURE_SEARCH_ENDPOINT:-}" ]] || die "AZURE_SEARCH_ENDPOINT is not set: provision first (azd provision)"
require make

log "installing the app's requirements into .venv"
make --no-print-directory install >/dev/null

# Sign in as whoever runs azd, through azd itself: azd renews its token when it expires (in GitHub Actions from
# the workflow's OpenID Connect token), so an ingest of several hours outlives the Azure CLI's one-hour token.
# AZURE_CLIENT_ID names the app's managed identity (or, in CI, the pipeline), which this must not pick up.
if [[ -z "${AZURE_TOKEN_CREDENTIALS:-}" ]] && command -v azd >/dev/null 2>&1; then
  export AZURE_TOKEN_CREDENTIALS=AzureDeveloperCliCredential
fi

# Role assignments made by the provisioning can take a few minutes to reach the data plane: a failed start is
# tried again, and every try continues from what the previous one finished.
attempts="${PHARMABOT_INGEST_ATTEMPTS:-3}"
pause="${PHARMABOT_INGEST_PAUSE_SECONDS:-60}"
for ((i = 1; i <= attempts; i++)); do
  log "filling search index '${AZURE_SEARCH_INDEX:-pharmabot-labels}' on $AZURE_SEARCH_ENDPOINT ($mode, try $i of $attempts)"
  if env -u AZURE_CLIENT_ID .venv/bin/python -m pharmabot ingest --target azure-search "${args[@]}" "$@"; then
    if [[ "$mode" == "text" ]]; then
      log "label text uploaded; add the vectors (hybrid search) with: scripts/ingest.sh   (resumable; see infra/README.md)"
    else
      log "search index complete"
    fi
    exit 0
  fi
  if ((i < attempts)); then
    warn "ingest stopped; trying again in ${pause} s (it continues where it stopped)"
    sleep "$pause"
  fi
done
die "ingest failed $attempts times; rerun scripts/ingest.sh to continue where it stopped"
