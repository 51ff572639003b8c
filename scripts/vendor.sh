#!/usr/bin/env bash
# Fetch the dashboard's browser libraries from the npm registry, pinned, unmodified, with their
# licence files, into src/chronicler/serve/static/vendor/. Run by `make vendor`; the result is
# committed so that users need no build step and no network.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=src/chronicler/serve/static/vendor
# package@version  files to keep (paths inside the package)
PACKAGES=(
  "leaflet@1.9.4 dist/leaflet.js dist/leaflet.css LICENSE"
  "topojson-client@3.1.0 dist/topojson-client.min.js LICENSE"
  "world-atlas@2.0.2 countries-110m.json LICENSE"
)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$DEST"
mkdir -p "$DEST"
for entry in "${PACKAGES[@]}"; do
  set -- $entry
  spec=$1; shift
  name=${spec%@*}
  (cd "$work" && npm pack --silent "$spec" > /dev/null)
  tarball=$(ls "$work"/"${name}"-*.tgz)
  mkdir -p "$work/$name" "$DEST/$name"
  tar -xzf "$tarball" -C "$work/$name"
  for file in "$@"; do
    cp "$work/$name/package/$file" "$DEST/$name/$(basename "$file")"
  done
  echo "$spec" > "$DEST/$name/VERSION"
  rm -f "$tarball"
done
(cd "$DEST" && find . -type f ! -name SHA256SUMS | sort | xargs sha256sum > SHA256SUMS)
echo "vendored into $DEST:"; ls -R "$DEST"
