#!/usr/bin/env bash
# Builds the macOS package of 督办台 (Duban Desk) from a checkout, on a Mac:
#
#   installer/build-macos.sh
#
# Result, in target/installer/:
#   督办台-VERSION.dmg     open it and drag 督办台 into Applications
#
# Needs: macOS 11+, the Xcode command line tools (xcode-select --install: jpackage uses codesign, hdiutil,
# SetFile), JDK 17+ with jlink and jpackage, Maven 3.8+. The package is built for the Mac it is built on:
# Apple silicon (arm64) or Intel (x64); Maven picks the matching JavaFX jars.
#
# Signing: without an Apple Developer ID the app is unsigned, and Gatekeeper asks on first start (open it
# with right-click → Open, once). With one, set MAC_SIGNING_KEY_USER_NAME="Developer ID Application: …"
# and the app and the .dmg are signed (notarisation is a separate step: xcrun notarytool).
#
# Same steps as build-linux.sh (which runs in CI); this script has not been run by its author, who had no
# Mac. See installer/README.md.
# Written for the bash 3.2 that macOS ships (see common.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
SCRIPT=build-macos.sh
# shellcheck source=installer/common.sh
source installer/common.sh

[ "$(uname -s)" = Darwin ] || die "run this on macOS (on Linux: installer/build-linux.sh)"
need_tools java jlink jpackage jar mvn hdiutil codesign
build_inputs
NAME=$(prop name)
# A macOS bundle version must not start with 0 (jpackage refuses it). Until the program reaches 1.0 the
# bundle carries 1.x.y for 0.x.y; the .dmg's file name keeps the real version.
MAC_VERSION=$VERSION
if [[ $VERSION == 0.* ]]; then MAC_VERSION="1.${VERSION#0.}"; fi
link_runtime dylib

sign=()
if [ -n "${MAC_SIGNING_KEY_USER_NAME:-}" ]; then
  sign=(--mac-sign --mac-signing-key-user-name "$MAC_SIGNING_KEY_USER_NAME")
fi

common=(--name "$NAME" --app-version "$MAC_VERSION" --vendor "$(prop vendor)"
        --description "$(prop description)" --copyright "$(prop copyright)"
        --icon "$ROOT/assets/icons/duban.icns" --dest "$OUT")

java_options
say "Making the application bundle and the .dmg (jpackage --type dmg)"
jpackage --type dmg "${common[@]}" ${JAVA_OPTIONS[@]+"${JAVA_OPTIONS[@]}"} ${sign[@]+"${sign[@]}"} \
  --input "$OUT/input" --main-jar "$PACKAGE.jar" --main-class "$(prop main.class)" \
  --runtime-image "$OUT/runtime" \
  --mac-package-identifier "$(prop identifier)" --mac-package-name "$NAME" \
  --mac-app-category public.app-category.productivity

if [ "$MAC_VERSION" != "$VERSION" ]; then
  mv "$OUT/$NAME-$MAC_VERSION.dmg" "$OUT/$NAME-$VERSION.dmg"
fi
rm -rf "$NATIVES"
say "Done"
ls -lh "$OUT"/*.dmg
