#!/bin/sh
# Signs DSR Desk.app with the organisation's Developer ID, notarizes it with Apple, staples the tickets,
# and builds the signed, notarized, stapled disk image.
#
#   DEVELOPER_ID="Developer ID Application: ORGANISATION NAME (TEAMID)" \
#   NOTARY_PROFILE=dsr-desk-notary \
#   sh installers/macos/sign_and_notarize.sh
#
# Placeholders to fill in once per organisation:
#   DEVELOPER_ID    the name of the "Developer ID Application" certificate in your login keychain
#                   (security find-identity -v -p codesigning lists it)
#   NOTARY_PROFILE  a notarytool profile in the keychain, made once with
#                     xcrun notarytool store-credentials dsr-desk-notary --apple-id YOU@EXAMPLE.ORG --team-id TEAMID
#                   (it asks for an app-specific password; in CI use --key AuthKey.p8 --key-id --issuer)
# No password or key is ever passed on this script's command lines.
set -eu
: "${DEVELOPER_ID:?set DEVELOPER_ID to your Developer ID Application identity}"
: "${NOTARY_PROFILE:?set NOTARY_PROFILE to a notarytool keychain profile}"
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
app="$root/dist/DSR Desk.app"
version=$(cd "$root" && python3 -c "import dsr_desk; print(dsr_desk.__version__)")
dmg="$root/dist/DSR-Desk-$version.dmg"
library() { codesign --force --timestamp --options runtime --sign "$DEVELOPER_ID" "$1"; }
program() {
  codesign --force --timestamp --options runtime --entitlements "$here/entitlements.plist" \
    --sign "$DEVELOPER_ID" "$1"
}

# 1. Inside out: every library, then Qt's frameworks, then the two executables, then the bundle.
find "$app/Contents" -type f \( -name '*.so' -o -name '*.dylib' \) | while IFS= read -r file; do
  library "$file"
done
find "$app/Contents" -type d -name '*.framework' | while IFS= read -r framework; do
  library "$framework"
done
program "$app/Contents/MacOS/dsr-desk"
program "$app/Contents/MacOS/DSR Desk"
program "$app"
codesign --verify --deep --strict --verbose=2 "$app"

# 2. Notarize the app (as a zip) and staple its ticket, so it passes Gatekeeper once copied out.
zip="$root/dist/DSR-Desk-$version-notarize.zip"
ditto -c -k --keepParent "$app" "$zip"
xcrun notarytool submit "$zip" --keychain-profile "$NOTARY_PROFILE" --wait
xcrun stapler staple "$app"
rm -f "$zip"

# 3. The disk image around the stapled app: signed, notarized, stapled.
sh "$here/build_dmg.sh" "$app" "$dmg"
codesign --force --timestamp --sign "$DEVELOPER_ID" "$dmg"
xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
xcrun stapler staple "$dmg"
spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
spctl --assess --type execute --verbose=2 "$app"
echo "signed and notarized: $dmg"
