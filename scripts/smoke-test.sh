#!/usr/bin/env bash
# Check a deployed PharmaBot: /health answers, and one chat request streams to `data: [DONE]`.
# Usage: scripts/smoke-test.sh [BASE_URL]   (default: SERVICE_API_URI of the azd environment)
# Needs PHARMABOT_API_KEY (environment, or the azd environment).
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "$0")/common.sh"
require curl

base="${1:-${SERVICE_API_URI:-}}"
if [[ -z "$base" ]]; then
  require azd
  base="$(azd_value SERVICE_API_URI)"
fi
[[ -n "$base" ]] || die "no URL given and SERVICE_API_URI is not in the azd environment"
base="${base%/}"
key="${PHARMABOT_API_KEY:-}"
if [[ -z "$key" ]] && command -v azd >/dev/null 2>&1; then
  key="$(azd_value PHARMABOT_API_KEY)"
fi
[[ -n "$key" ]] || die "PHARMABOT_API_KEY is not set"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# A fresh deployment cold-starts: give /health a few minutes.
log "GET $base/health"
status=""
for ((i = 1; i <= 20; i++)); do
  status="$(curl -sS -o "$tmp/health.json" -w '%{http_code}' --max-time 60 "$base/health" || true)"
  [[ "$status" == "200" ]] && break
  sleep 15
done
[[ "$status" == "200" ]] || die "/health answered ${status:-nothing} (body: $(head -c 500 "$tmp/health.json" 2>/dev/null))"
grep -q '"status"' "$tmp/health.json" || die "/health body has no status: $(head -c 500 "$tmp/health.json")"
log "/health: $(head -c 300 "$tmp/health.json")"

log "POST $base/api/chat"
status="$(curl -sS -N -o "$tmp/chat.txt" -w '%{http_code}' --max-time 120 \
  -H 'Content-Type: application/json' -H 'Accept: text/event-stream' -H "X-API-Key: $key" \
  --data '{"message": "What is ibuprofen used for?", "session_id": "smoke-test-session"}' \
  "$base/api/chat" || true)"
[[ "$status" == "200" ]] || die "/api/chat answered ${status:-nothing}: $(head -c 500 "$tmp/chat.txt")"
grep -qx 'data: \[DONE\]' <(tr -d '\r' <"$tmp/chat.txt") || die "the chat stream did not end with 'data: [DONE]'"
events="$(grep -c '^data:' "$tmp/chat.txt" || true)"
log "/api/chat streamed $events data lines and ended with [DONE]"
log "smoke test passed"
