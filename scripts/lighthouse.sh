#!/usr/bin/env bash
# Print Lighthouse's SEO, best-practices and accessibility scores for the demo's network home,
# a partnership home and a grants round (issue 12's targets: SEO >= 95, best practices 100).
#
#   scripts/lighthouse.sh [PORT]      # the demo served on PORT (default 8000: scripts/demo)
#
# Needs the demo running (scripts/demo, or `manage.py runserver PORT` after seed_demo --port
# PORT), Node.js and Chromium. Lighthouse comes from the npm registry through npx unless
# LIGHTHOUSE names a command (e.g. LIGHTHOUSE=/tmp/lh/node_modules/.bin/lighthouse); nothing
# is installed into the checkout. Exits 1 when a page misses a target.
set -euo pipefail

port="${1:-8000}"
lighthouse="${LIGHTHOUSE:-npx --yes lighthouse@12}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

pages=(
  "network-home http://localhost:${port}/"
  "partnership-home http://medway-swale.localhost:${port}/"
  "grants-round http://medway-swale.localhost:${port}/community-grants/rounds/community-grants-2026/"
)

status=0
printf '%-18s %5s %5s %5s  %s\n' page seo bp a11y url
for entry in "${pages[@]}"; do
  name="${entry%% *}"
  url="${entry#* }"
  # shellcheck disable=SC2086 # $lighthouse may be a command with arguments
  $lighthouse "$url" --quiet --output=json --output-path="$out/$name.json" \
    --only-categories=seo,best-practices,accessibility \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking" \
    >/dev/null 2>"$out/$name.log" || { echo "$name: lighthouse failed (see below)"; cat "$out/$name.log"; exit 2; }
  read -r seo bp a11y failed < <(python3 - "$out/$name.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
score = {key: round(cat["score"] * 100) for key, cat in report["categories"].items()}
failing = [
    ref["id"]
    for key in ("seo", "best-practices")
    for ref in report["categories"][key]["auditRefs"]
    if ref["weight"] and (report["audits"][ref["id"]]["score"] or 0) < 1
]
print(score["seo"], score["best-practices"], score["accessibility"], ",".join(failing) or "-")
PY
)
  printf '%-18s %5s %5s %5s  %s\n' "$name" "$seo" "$bp" "$a11y" "$url"
  if [ "$failed" != "-" ]; then
    echo "                   failing audits: $failed"
  fi
  if [ "$seo" -lt 95 ] || [ "$bp" -lt 100 ]; then
    status=1
  fi
done
exit "$status"
