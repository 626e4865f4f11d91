#!/bin/sh
# Re-fetch the map geometry the dashboard's /map page draws (issue 12): countries-110m.json of the npm
# package world-atlas, pinned to 2.0.2 (Natural Earth 1:110m countries as TopoJSON, ISC licence;
# Natural Earth itself is public domain), with the package's LICENSE. Only that one file of the package
# is kept. Needs npm and the npm registry; checks the tarball's and the file's SHA-256 against the
# vendored copy's, so a re-fetch changes nothing unless this script's pins are changed on purpose.
#
# usage: sh scripts/fetch_map_data.sh        (from the repository root)
set -eu
VERSION=2.0.2
TARBALL_SHA256=032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97
FILE_SHA256=2516c915867c7baf18ddec727aec46c315541a07cfb3d79a6559b05d5e94eee8
DEST=src/whodid/serve/vendor/world-atlas

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "world-atlas@$VERSION" >/dev/null)
tarball="$work/world-atlas-$VERSION.tgz"
echo "$TARBALL_SHA256  $tarball" | sha256sum -c - >/dev/null
tar -xzf "$tarball" -C "$work" package/countries-110m.json package/LICENSE
echo "$FILE_SHA256  $work/package/countries-110m.json" | sha256sum -c - >/dev/null
mkdir -p "$DEST"
cp "$work/package/countries-110m.json" "$work/package/LICENSE" "$DEST/"
echo "world-atlas $VERSION: countries-110m.json and LICENSE in $DEST"
