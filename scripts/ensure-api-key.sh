#!/usr/bin/env bash
# Make sure the azd environment holds PHARMABOT_API_KEY_HASHES (the app refuses to start in
# production without API keys). Idempotent:
# - PHARMABOT_API_KEY set in the caller's environment (CI secret): its hash is added if missing;
# - hashes already set: nothing to do;
# - neither: a new key is generated and kept in the azd environment (.azure/<env>/.env, not
#   committed), only its hash goes to Azure.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "$0")/common.sh"
require azd sha256sum

hashes="$(azd_value PHARMABOT_API_KEY_HASHES)"

if [[ -n "${PHARMABOT_API_KEY:-}" ]]; then
  hash="$(sha256_hex "$PHARMABOT_API_KEY")"
  if [[ ",$hashes," == *",$hash,"* ]]; then
    log "API key hash already configured"
  else
    azd env set PHARMABOT_API_KEY_HASHES "${hashes:+$hashes,}$hash" >/dev/null
    log "added the hash of PHARMABOT_API_KEY to PHARMABOT_API_KEY_HASHES"
  fi
  exit 0
fi

if [[ -n "$hashes" ]]; then
  log "API key hashes already configured"
  exit 0
fi

key="$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n' | head -c 40)"
azd env set PHARMABOT_API_KEY "$key" >/dev/null
azd env set PHARMABOT_API_KEY_HASHES "$(sha256_hex "$key")" >/dev/null
log "generated an API key; read it with: azd env get-value PHARMABOT_API_KEY"
