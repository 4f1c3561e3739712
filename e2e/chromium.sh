#!/usr/bin/env bash
# The browser for the tests: the Chromium in $CHROMIUM (Playwright's config sets it) with the features
# in $CHROMIUM_DISABLE_FEATURES off as well as Playwright's own. Chromium reads only the last
# --disable-features it is given, and Playwright passes its list before ours: this merges them into one.
set -euo pipefail
disabled="${CHROMIUM_DISABLE_FEATURES:-}"
args=()
for arg in "$@"; do
  case "$arg" in
    --disable-features=*) disabled="${disabled:+$disabled,}${arg#--disable-features=}" ;;
    *) args+=("$arg") ;;
  esac
done
exec "${CHROMIUM:?the Chromium to run}" "${args[@]}" ${disabled:+"--disable-features=$disabled"}
