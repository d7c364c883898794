#!/bin/sh
# The disk image users open: DSR Desk.app beside a link to /Applications, compressed (UDZO).
#   sh installers/macos/build_dmg.sh "dist/DSR Desk.app" dist/DSR-Desk-0.1.0.dmg
# installers/build.py runs it after PyInstaller; sign_and_notarize.sh runs it again on the signed app.
set -eu
app=$1
target=$2
staging=$(mktemp -d "${TMPDIR:-/tmp}/dsr-desk-dmg.XXXXXX")
trap 'rm -rf "$staging"' EXIT
ditto "$app" "$staging/DSR Desk.app"   # ditto keeps the bundle's symlinks, attributes and signatures
ln -s /Applications "$staging/Applications"
rm -f "$target"
hdiutil create -volname "DSR Desk" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$target"
