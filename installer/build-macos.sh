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
# Written for the bash 3.2 that macOS ships (no mapfile; empty arrays guarded under set -u).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/target/installer

say() { printf '\n== %s\n' "$*"; }
die() { printf 'build-macos.sh: %s\n' "$*" >&2; exit 1; }
prop() {
  local line
  line=$(grep -m1 "^$1=" installer/package.properties) || die "installer/package.properties has no $1"
  printf '%s' "${line#*=}"
}

[ "$(uname -s)" = Darwin ] || die "run this on macOS (on Linux: installer/build-linux.sh)"
for tool in java jlink jpackage jar mvn hdiutil codesign; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing (see installer/README.md for what to install)"
done

say "Building the jar and collecting the libraries (mvn -Pinstaller package)"
rm -rf "$OUT"
# shellcheck disable=SC2086
mvn -B -q -Pinstaller -DskipTests ${MVN_ARGS:-} clean package
VERSION=$(sed -n 's/^version=//p' target/classes/org/duban/version.properties)
[ -n "$VERSION" ] || die "no version in target/classes/org/duban/version.properties"
# A macOS bundle version must not start with 0 (jpackage refuses it). Until the program reaches 1.0 the
# bundle carries 1.x.y for 0.x.y; the .dmg's file name keeps the real version.
MAC_VERSION=$VERSION
if [[ $VERSION == 0.* ]]; then MAC_VERSION="1.${VERSION#0.}"; fi
PACKAGE=$(prop package)
NAME=$(prop name)
cp target/original-duban-desk.jar "$OUT/input/$PACKAGE.jar"

fx_jars=()
for j in "$OUT"/javafx/*.jar; do
  [[ $(basename "$j") =~ ^javafx-[a-z]+-[0-9.]+\.jar$ ]] && continue
  fx_jars+=("$j")
done
[ "${#fx_jars[@]}" -gt 0 ] || die "no JavaFX platform jars in $OUT/javafx"
module_path=$(IFS=:; echo "${fx_jars[*]}")

say "Linking the runtime (jlink)"
jlink --module-path "$module_path" \
  --add-modules "$(prop modules)" \
  --exclude-resources 'glob:/javafx.graphics/*.dylib' \
  --strip-debug --no-header-files --no-man-pages --strip-native-commands \
  --include-locales=en,zh --compress=2 \
  --output "$OUT/runtime"
# JavaFX's native libraries next to the JDK's own (runtime/lib), where JavaFX looks first.
natives=$OUT/natives
mkdir -p "$natives"
for j in "${fx_jars[@]}"; do
  libs=()
  while IFS= read -r lib; do libs+=("$lib"); done < <(jar tf "$j" | grep '\.dylib$' || true)
  [ "${#libs[@]}" -eq 0 ] || (cd "$natives" && jar xf "$j" "${libs[@]}")
done
cp "$natives"/*.dylib "$OUT/runtime/lib/"

sign=()
if [ -n "${MAC_SIGNING_KEY_USER_NAME:-}" ]; then
  sign=(--mac-sign --mac-signing-key-user-name "$MAC_SIGNING_KEY_USER_NAME")
fi

common=(--name "$NAME" --app-version "$MAC_VERSION" --vendor "$(prop vendor)"
        --description "$(prop description)" --copyright "$(prop copyright)"
        --icon "$ROOT/assets/icons/duban.icns" --dest "$OUT")

say "Making the application bundle and the .dmg (jpackage --type dmg)"
jpackage --type dmg "${common[@]}" ${sign[@]+"${sign[@]}"} \
  --input "$OUT/input" --main-jar "$PACKAGE.jar" --main-class "$(prop main.class)" \
  --runtime-image "$OUT/runtime" \
  --mac-package-identifier "$(prop identifier)" --mac-package-name "$NAME" \
  --mac-app-category public.app-category.productivity

if [ "$MAC_VERSION" != "$VERSION" ]; then
  mv "$OUT/$NAME-$MAC_VERSION.dmg" "$OUT/$NAME-$VERSION.dmg"
fi
rm -rf "$natives"
say "Done"
ls -lh "$OUT"/*.dmg
