#!/bin/sh
# Rebuild assets/plotly-timeline.min.js: plotly.js with only the trace types and components our
# figures use (scatter, bar; see scripts/plotly-bundle/entry.js). Versions are pinned in
# scripts/plotly-bundle/package.json and package-lock.json; node_modules is never committed.
# Needs Node 20+ and the npm registry. Run from anywhere: scripts/build_plotly_bundle.sh
set -eu
here="$(cd "$(dirname "$0")/plotly-bundle" && pwd)"
out="$here/../../assets/plotly-timeline.min.js"
cd "$here"
npm ci --no-audit --no-fund --silent
# The CSS import (maplibre's, unused: no map traces) is dropped; plotly.js injects its own CSS.
npx esbuild entry.js --bundle --minify --format=iife --global-name=Plotly --target=es2017 \
    --legal-comments=none --loader:.css=empty --define:global=window --define:define.amd=false \
    --log-level=warning --outfile="$out"
printf '/*! plotly.js %s (scatter, bar; see entry.js) | MIT License | built by scripts/build_plotly_bundle.sh */\n' \
    "$(node -p "require('plotly.js/package.json').version")" | cat - "$out" > "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out ($(wc -c < "$out") bytes)"
