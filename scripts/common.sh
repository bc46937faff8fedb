# Shared helpers for the deploy scripts (sourced, not run).
# shellcheck shell=bash

# shellcheck disable=SC2034  # used by the scripts that source this file
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

require() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' is required but not installed"
  done
}

# A value from the current azd environment, or empty when unset.
azd_value() {
  azd env get-value "$1" 2>/dev/null || true
}

# Export every value of the current azd environment (azd passes them to hooks already; this is
# for running a script by hand).
load_azd_env() {
  local values
  values="$(azd env get-values 2>/dev/null)" || die "no azd environment selected: run 'azd env new' or 'azd up' first"
  set -a
  eval "$values"
  set +a
}

sha256_hex() {
  printf '%s' "$1" | sha256sum | cut -d' ' -f1
}
